package io.camelprogress.transport.vertx;

import java.util.List;

import io.camelprogress.event.StreamItem;
import io.camelprogress.transport.WebSocketChannel;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * A WebSocket on Vert.x. Events are written just below the WebSocket frame encoder as frames encoded
 * once per event, the same bytes for every subscriber, with no promise per write. Unmasked, uncompressed frames are valid
 * whatever extension was negotiated (RFC 7692 marks a compressed message by its RSV1 bit). Without
 * such an encoder in the pipeline, frames go through Vert.x.
 */
final class VertxWebSocket implements WebSocketChannel {

    private static final Buffer PING = Buffer.buffer("hb");

    private final ServerWebSocket ws;
    private final ChannelHandlerContext belowEncoder;
    private final WebSocketProtocolGuard guard;

    /**
     * @param connection the connection the socket was upgraded on: its pipeline holds the frame
     *                   encoder (the socket a router hands over is a wrapper that does not show it)
     */
    VertxWebSocket(ServerWebSocket ws, HttpConnection connection) {
        this.ws = ws;
        if (connection instanceof ConnectionBase base) {
            this.guard = WebSocketProtocolGuard.install(base.channelHandlerContext());
            this.belowEncoder = base.channelHandlerContext().pipeline().context(WebSocketFrameEncoder.class);
        } else {
            this.guard = null;
            this.belowEncoder = null;
        }
    }

    @Override
    public void write(List<StreamItem> items) {
        if (belowEncoder == null) {
            for (int i = 0; i < items.size(); i++) {
                ws.writeTextMessage(items.get(i).jsonFrame());
            }
        } else if (items.size() == 1) {
            belowEncoder.writeAndFlush(items.get(0).webSocketFrame().duplicate(), belowEncoder.voidPromise());
        } else {
            CompositeByteBuf frames = belowEncoder.alloc().compositeDirectBuffer(items.size());
            for (int i = 0; i < items.size(); i++) {
                frames.addComponent(true, items.get(i).webSocketFrame().duplicate());
            }
            belowEncoder.writeAndFlush(frames, belowEncoder.voidPromise());
        }
    }

    @Override
    public void writeText(String text) {
        ws.writeTextMessage(text);
    }

    @Override
    public void ping() {
        ws.writePing(PING);
    }

    @Override
    public void close(short code, String reason) {
        ws.close(code, reason);
    }

    @Override
    public void fail(short code, String reason) {
        if (guard == null) {
            ws.close(code, reason);
        } else {
            guard.failConnection(code, reason);
        }
    }

    @Override
    public boolean writeQueueFull() {
        return ws.writeQueueFull();
    }

    @Override
    public void whenWritable(Runnable action) {
        ws.drainHandler(v -> action.run());
    }

    @Override
    public void listen(Listener listener) {
        ws.closeHandler(v -> listener.onClosed());
        ws.exceptionHandler(e -> listener.onClosed());
        ws.pongHandler(data -> listener.onPong());
        ws.frameHandler(frame -> onFrame(frame, listener));
    }

    private static void onFrame(WebSocketFrame frame, Listener listener) {
        if (frame.type() == WebSocketFrameType.PONG) {
            listener.onPong();
        } else if (frame.isBinary()) {
            listener.onBinary();
        } else if (frame.isText() || frame.isContinuation()) {
            listener.onText(frame.binaryData().getBytes(), frame.isFinal());
        }
    }
}
