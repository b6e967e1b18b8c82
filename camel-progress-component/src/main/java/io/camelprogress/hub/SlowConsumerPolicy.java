package io.camelprogress.hub;

/**
 * What happens to a subscriber that falls behind. Whatever the policy, a subscriber is told in its
 * stream of every event it does not get, and terminal events are never dropped.
 */
public enum SlowConsumerPolicy {
    /**
     * It reads the stream's shared log at its own pace and gets every event that is still retained,
     * late and in order; when events it had yet to read passed out of retention, it gets a reset with
     * reason {@code lagged} and goes on from the oldest retained event. It costs a cursor, not a copy.
     */
    lag,
    /**
     * Latest wins: while its socket is backed up, only the newest event per stream and event name is
     * kept (progress updates supersede each other), after a reset with reason {@code coalesced}
     * naming the streams that lost events. If that does not bring its queue under half its bound, it
     * is disconnected as with {@link #disconnect}.
     */
    coalesce,
    /**
     * While its socket is backed up and its queue full, the connection is closed; the client
     * reconnects with its last id and catches up by replay (or is told {@code gap}).
     */
    disconnect
}
