package io.camelprogress.hub;

/** What happens when a subscriber's pending events reach their bound. */
public enum SlowConsumerPolicy {
    /**
     * Keep only the newest non-terminal event per stream and event name (progress updates supersede
     * each other); terminal events and resets are never dropped. If that does not bring the queue
     * under half its bound, the subscriber is disconnected as with {@link #disconnect}.
     */
    coalesce,
    /** Close the connection; the client reconnects with its last id and catches up by replay. */
    disconnect
}
