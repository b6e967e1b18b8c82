package io.camelprogress.transport;

import io.camelprogress.hub.Hub;

/**
 * What every request and connection shares, whichever host serves them.
 *
 * @param hub         the streams
 * @param settings    the HTTP-side options
 * @param limiter     the connection bounds
 * @param connections the open connections by key
 * @param upstream    the routes that hear from browsers
 * @param metrics     what is counted for operators
 */
record HttpContext(Hub hub, TransportSettings settings, ConnectionLimiter limiter, ConnectionRegistry connections,
        UpstreamSink upstream, TransportMetrics metrics) {
}
