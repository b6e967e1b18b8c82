package io.camelprogress.transport;

import java.util.List;

import io.camelprogress.event.StreamItem;

/** An accepted WebSocket, as its HTTP host runs it; everything is called on the connection's loop. */
public interface WebSocketChannel {

    /** Writes items as text frames, in order; the host writes each item's shared frame where it can. */
    void write(List<StreamItem> items);

    /** Writes one text message for this client alone. */
    void writeText(String text);

    /** Sends a ping. */
    void ping();

    /** Sends a close frame with the code and reason, then closes once the peer answers it (or a timeout passes). */
    void close(short code, String reason);

    /**
     * Fails the connection (RFC 6455 7.1.7): a close frame with the code and reason, then the TCP
     * close at once, without waiting for a peer that broke the rules to answer.
     */
    void fail(short code, String reason);

    /** Whether the socket holds as much unwritten data as it should. */
    boolean writeQueueFull();

    /** Runs the action once the socket has drained. */
    void whenWritable(Runnable action);

    /** Where frames from the client go. */
    void listen(Listener listener);

    /** What the client sends, and when it goes away. */
    interface Listener {

        /** A text or continuation frame's payload; {@code last} on the final frame of a message. */
        void onText(byte[] payload, boolean last);

        /** A binary frame. */
        void onBinary();

        /** A pong. */
        void onPong();

        /** The socket closed or failed, once. */
        void onClosed();
    }
}
