package io.camelprogress.transport;

import java.util.List;
import java.util.Set;

/**
 * What the HTTP side needs to know.
 *
 * @param basePath                 the path under which streams are served, e.g. {@code /progress}
 * @param heartbeatMillis          silence after which a heartbeat (SSE) or ping (WebSocket) is sent
 * @param retryMillis              the reconnection delay sent to clients, before jitter
 * @param overloadRetryMillis      the reconnection delay sent when a connection bound is reached
 * @param maxConnections           streaming connections held at once
 * @param maxConnectionsPerAddress streaming connections held at once per client address; 0 for no bound
 * @param trustedProxies           addresses and CIDR blocks of reverse proxies whose forwarded client
 *                                 address is believed
 * @param maxHeaderSize            bytes of request headers accepted
 * @param pongTimeoutMillis        how long a WebSocket peer may take to answer a ping
 * @param allowedOrigins           origins allowed for WebSocket and POST besides the server's own;
 *                                 {@code *} allows any
 * @param maxUpstreamMessageSize   bytes of one WebSocket message or POST body from a browser
 * @param longPollTimeoutMillis    how long a long-poll is held at most
 * @param allowCredentials         whether pages of allowed origins may send cookies and credentials (CORS)
 * @param limits                   the bounds against abusive clients: rates, streams per connection, slow request heads
 */
public record TransportSettings(String basePath, long heartbeatMillis, long retryMillis, long overloadRetryMillis,
        int maxConnections, int maxConnectionsPerAddress, List<String> trustedProxies, int maxHeaderSize,
        long pongTimeoutMillis, Set<String> allowedOrigins, int maxUpstreamMessageSize, long longPollTimeoutMillis,
        boolean allowCredentials, RequestLimits limits) {

    public TransportSettings {
        if (basePath == null || !basePath.startsWith("/")) {
            throw new IllegalArgumentException("basePath must start with '/': " + basePath);
        }
        while (basePath.length() > 1 && basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        if (heartbeatMillis <= 0 || pongTimeoutMillis <= 0 || longPollTimeoutMillis <= 0 || retryMillis < 0
                || overloadRetryMillis < 0) {
            throw new IllegalArgumentException(
                    "heartbeatInterval, pongTimeout and longPollTimeout must be positive, retry intervals not negative");
        }
        if (maxConnections <= 0 || maxHeaderSize <= 0 || maxUpstreamMessageSize <= 0) {
            throw new IllegalArgumentException("maxConnections, maxHeaderSize and maxUpstreamMessageSize must be positive");
        }
        if (maxConnectionsPerAddress < 0) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be 0 (no bound) or positive");
        }
        if (limits == null) {
            throw new IllegalArgumentException("limits must be given");
        }
        if (allowCredentials && allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("allowCredentials with allowedOrigins=* would let every site's pages read streams"
                                               + " with the user's cookies: list the origins instead");
        }
        trustedProxies = List.copyOf(trustedProxies);
        allowedOrigins = Set.copyOf(allowedOrigins);
    }
}
