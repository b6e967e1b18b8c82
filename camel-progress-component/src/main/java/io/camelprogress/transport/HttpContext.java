package io.camelprogress.transport;

import io.camelprogress.hub.Hub;
import io.vertx.core.Vertx;

/**
 * What every request handler and connection shares.
 *
 * @param vertx       the Vert.x instance serving
 * @param hub         the streams
 * @param settings    the HTTP-side options
 * @param limiter     the connection bounds
 * @param connections the open connections by key
 * @param upstream    the routes that hear from browsers
 */
record HttpContext(Vertx vertx, Hub hub, TransportSettings settings, ConnectionLimiter limiter,
        ConnectionRegistry connections, UpstreamSink upstream) {
}
