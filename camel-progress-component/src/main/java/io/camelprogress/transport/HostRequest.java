package io.camelprogress.transport;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One HTTP request under the base path, as an HTTP host (Vert.x, a servlet container) hands it to
 * {@link ProgressRequests}, and the ways it can be answered: once, by exactly one of
 * {@link #respond}, {@link #openEventStream()}, {@link #upgradeToWebSocket} or a long-poll's
 * {@link #respond} later.
 */
public interface HostRequest {

    /** The method, upper case, as in {@code GET}. */
    String method();

    /** The decoded path, as in {@code /progress/uploads/job42}. */
    String path();

    /** The request target as sent (path and query), for the header-size bound. */
    String uri();

    /** A header's first value, or null. */
    String header(String name);

    /** Every header, for the header-size bound. */
    Iterable<Map.Entry<String, String>> headers();

    /**
     * Every value of a query parameter, decoded.
     *
     * @throws IllegalArgumentException when the query string is malformed
     */
    List<String> params(String name);

    /** The address of the TCP peer, or {@code unknown}. */
    String peerAddress();

    /** The loop this request's connection runs on. */
    ConnectionLoop loop();

    /**
     * Adds a header to whichever answer comes: a response, an event stream or a refused handshake
     * (as the CORS headers are added before the transport is known).
     */
    void addResponseHeader(String name, String value);

    /** Answers now: status, headers and body (neither kept nor changed); the connection stays open for the next request. */
    void respond(int status, Map<String, String> headers, byte[] body);

    /** Answers 200 with the headers of an event stream and hands over the open response. */
    EventStreamOutput openEventStream();

    /** Completes the WebSocket handshake; exactly one of the two is called, on {@link #loop()}. */
    void upgradeToWebSocket(Consumer<WebSocketChannel> accepted, Consumer<Throwable> failed);

    /**
     * Reads the body, up to {@code max} bytes; past that {@code tooLarge} is called instead, once,
     * and the rest is not read.
     */
    void readBody(int max, Consumer<byte[]> body, Runnable tooLarge);

    /** Runs the action when the client goes away before the request is answered. */
    void onClientGone(Runnable action);

    /** Whether the request has been answered or its connection closed. */
    boolean finished();

    /** Closes the connection without an answer, after a refusal that leaves the rest of the body unread. */
    void closeConnection();

    /** The first value of a query parameter, or null. */
    default String param(String name) {
        List<String> values = params(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
