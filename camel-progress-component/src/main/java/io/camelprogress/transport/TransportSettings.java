package io.camelprogress.transport;

/**
 * What the HTTP side needs to know.
 *
 * @param basePath                 the path under which streams are served, e.g. {@code /progress}
 * @param heartbeatMillis          silence after which a heartbeat is sent
 * @param retryMillis              the reconnection delay sent to clients, before jitter
 * @param overloadRetryMillis      the reconnection delay sent when a connection bound is reached
 * @param maxConnections           streaming connections held at once
 * @param maxConnectionsPerAddress streaming connections held at once per client address
 * @param maxHeaderSize            bytes of request headers accepted
 */
public record TransportSettings(String basePath, long heartbeatMillis, long retryMillis, long overloadRetryMillis,
        int maxConnections, int maxConnectionsPerAddress, int maxHeaderSize) {

    public TransportSettings {
        if (basePath == null || !basePath.startsWith("/")) {
            throw new IllegalArgumentException("basePath must start with '/': " + basePath);
        }
        while (basePath.length() > 1 && basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        if (heartbeatMillis <= 0 || retryMillis < 0 || overloadRetryMillis < 0) {
            throw new IllegalArgumentException("heartbeatInterval must be positive, retry intervals not negative");
        }
        if (maxConnections <= 0 || maxConnectionsPerAddress <= 0 || maxHeaderSize <= 0) {
            throw new IllegalArgumentException("maxConnections, maxConnectionsPerAddress and maxHeaderSize must be positive");
        }
    }
}
