package io.camelprogress.bench;

/**
 * What one subscription speaks on its socket once it is connected: SSE, WebSocket or long-poll, in
 * our server's or Nchan's dialect. A session lives for one connection; the {@link Subscriber} that
 * owns the socket opens a new one for every reconnect.
 */
interface SubscriberSession {

    /** What the session tells the subscriber that owns the socket. */
    interface Events {

        /** The subscription is established. */
        void opened();

        /** The attempt failed or the stream broke; the connection is closed. */
        void failed(String reason);

        /** The server ended the stream on its own (close frame, 204); the connection is closed. */
        void ended(String reason);

        /** One event's payload. */
        void event(byte[] data, int offset, int length);

        /** The server said it could not give every event. */
        void reset(String reason);

        /** A heartbeat (SSE comment, WebSocket ping). */
        void heartbeat();

        /** Bytes for the server (a pong, the next poll). */
        void write(byte[] bytes);
    }

    /** @return the bytes written as soon as the connection is up */
    byte[] openingRequest();

    /** Called once the opening request is written. */
    default void connected() {
    }

    /** Bytes read from the socket. */
    void feed(byte[] bytes, int offset, int length);

    /** @return the resume point to send on a reconnect, or null */
    String lastEventId();

    /** @return bytes to send before closing on purpose (a close frame), or null */
    default byte[] goodbye() {
        return null;
    }

    /** @return lines or messages cut because they exceeded the client's bound */
    default long truncated() {
        return 0;
    }
}
