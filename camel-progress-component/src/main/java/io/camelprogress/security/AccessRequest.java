package io.camelprogress.security;

import java.util.Set;

/** A request an authorizer decides on: what it asks for, how, and what it carries. */
public interface AccessRequest {

    /** What the request does. */
    enum Action {
        /** Reads streams: SSE, WebSocket, long-poll or snapshot. */
        SUBSCRIBE,
        /** Sends a message to a stream's route (a POST). */
        SEND
    }

    /** What the request does: a subscribe (also a WebSocket handshake) or a send (a POST, or a WebSocket's frames). */
    Action action();

    /** How: {@code sse}, {@code websocket}, {@code long-poll}, {@code snapshot} or {@code http} (a POST). */
    String transport();

    /** The streams it names, as in {@code uploads/job42}. */
    Set<String> streams();

    /** The whole channels it names ({@code uploads} for {@code uploads/*}). */
    Set<String> channels();

    /** A request header's first value, or null. */
    String header(String name);

    /** A cookie's value, or null. */
    String cookie(String name);

    /** The client's address: the peer's, or the one a trusted proxy forwarded. */
    String clientAddress();

    /** The ticket the request carried, checked and covering what it asks for; null when tickets are not in use. */
    StreamTicket ticket();
}
