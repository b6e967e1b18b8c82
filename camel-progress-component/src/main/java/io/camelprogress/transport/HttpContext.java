package io.camelprogress.transport;

import io.camelprogress.event.SseEncoder;
import io.camelprogress.hub.Hub;
import io.netty.buffer.ByteBuf;
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
 * @param heartbeatChunk the heartbeat framed as an HTTP/1.1 chunk, shared by every connection
 */
record HttpContext(Vertx vertx, Hub hub, TransportSettings settings, ConnectionLimiter limiter,
        ConnectionRegistry connections, UpstreamSink upstream, ByteBuf heartbeatChunk) {

    HttpContext(Vertx vertx, Hub hub, TransportSettings settings, ConnectionLimiter limiter, ConnectionRegistry connections,
                UpstreamSink upstream) {
        this(vertx, hub, settings, limiter, connections, upstream, SseEncoder.chunk(SseEncoder.heartbeat().getByteBuf()));
    }
}
