package io.camelprogress.hub;

/**
 * The transport side of a {@link Subscription}: a connection that writes what the subscription
 * queues. Both methods are called from publishing threads and must not block.
 */
public interface SubscriptionSink {

    /** Events were queued while none were; drain them on the connection's own thread. */
    void wakeup();

    /** The subscription gave up on this connection (it fell too far behind); close it. */
    void overflowed();

    /** The server drops this connection (say, to move clients off a node); the client reconnects and resumes. */
    void disconnect();

    /**
     * Whether the client is not keeping up: its socket holds as much unwritten data as it should.
     * A subscriber that keeps up is not coalesced for a burst the server has yet to write.
     */
    default boolean backpressured() {
        return false;
    }

    /** The transport, for operators: {@code sse}, {@code websocket}, {@code long-poll}. */
    default String transport() {
        return "other";
    }
}
