package io.camelprogress.transport;

/**
 * A message from a browser to the routes: a WebSocket text frame, a POST to a stream's URL, or a
 * connection's subscribe and unsubscribe (lifecycle).
 *
 * @param stream        the stream the connection or request is about, e.g. {@code uploads/job42}
 * @param connectionKey the connection's key; a producer exchange with this key in
 *                      {@code CamelProgressConnectionKey} answers that connection only
 * @param transport     {@code websocket}, {@code sse} or {@code http} (a POST)
 * @param clientAddress the client's IP address
 * @param body          the message text, or {@code null} for lifecycle events
 * @param contentType   the POST's content type, or {@code null}
 * @param lifecycle     {@code subscribe} or {@code unsubscribe} for lifecycle events, else {@code null}
 */
public record UpstreamMessage(String stream, String connectionKey, String transport, String clientAddress, String body,
        String contentType, String lifecycle) {

    public static final String SUBSCRIBE = "subscribe";
    public static final String UNSUBSCRIBE = "unsubscribe";
}
