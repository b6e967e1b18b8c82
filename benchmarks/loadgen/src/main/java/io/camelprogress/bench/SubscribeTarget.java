package io.camelprogress.bench;

import java.net.URI;

/**
 * Where subscribers connect and the GET they send.
 *
 * @param host loopback host
 * @param port TCP port
 * @param path path and query of the SSE URL
 */
record SubscribeTarget(String host, int port, String path) {

    static SubscribeTarget of(String url) {
        URI uri = URI.create(url);
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new SubscribeTarget(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), path);
    }

    /** The request head; EventSource sends Accept and Cache-Control, and Last-Event-ID when resuming. */
    String request(String lastEventId) {
        StringBuilder head = new StringBuilder(160)
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Accept: text/event-stream\r\n")
                .append("Cache-Control: no-cache\r\n");
        if (lastEventId != null) {
            head.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
        }
        return head.append("\r\n").toString();
    }
}
