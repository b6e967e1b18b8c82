package io.camelprogress.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import io.camelprogress.event.JsonEventEncoder;
import io.camelprogress.event.StreamItem;
import io.camelprogress.hub.StreamSelection;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.WebSocketImplBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket subscriber: events as JSON text frames {@code {"id","event","stream","data"}}, a ping
 * every heartbeat interval (a peer whose pong is late is closed), close code 1000 after the
 * terminal event, and text frames from the browser handed to the channel's route.
 */
final class WebSocketConnection extends SubscriberConnection {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final short NORMAL = 1000;
    private static final short GOING_AWAY = 1001;
    private static final short UNSUPPORTED_DATA = 1003;
    private static final short POLICY_VIOLATION = 1008;
    private static final short TOO_BIG = 1009;
    private static final Buffer PING = Buffer.buffer("hb");

    private final ServerWebSocket ws;
    private boolean awaitingPong;
    private long pongNanos = System.nanoTime();
    private Buffer message;
    /**
     * The pipeline position just below the WebSocket frame encoder: events are written there as
     * frames encoded once per event, the same bytes for every subscriber. Unmasked, uncompressed
     * frames are valid whatever extension was negotiated (RFC 7692 marks a compressed message by its
     * RSV1 bit). Null when the connection has no such encoder; frames then go through Vert.x.
     */
    private ChannelHandlerContext belowEncoder;

    WebSocketConnection(HttpContext http, Context context, ServerWebSocket ws, String address, StreamSelection selection) {
        super(http, context, address, selection, "websocket");
        this.ws = ws;
    }

    /** Subscribes and starts streaming; the caller has taken a place in the limiter for it. */
    void start(EventId cursor) {
        ws.closeHandler(v -> release());
        ws.exceptionHandler(e -> {
            LOG.debug("WebSocket to {} failed: {}", address, e.getMessage());
            release();
        });
        ws.frameHandler(this::onFrame);
        ws.pongHandler(data -> pongNanos = System.nanoTime());
        if (!subscribe(cursor)) {
            http.limiter().release(address);
            ws.close(NORMAL, "stream ended");
            return;
        }
        belowEncoder = encoderContext();
        startTimer(http.settings().heartbeatMillis());
        drain();
    }

    private ChannelHandlerContext encoderContext() {
        if (!(ws instanceof WebSocketImplBase<?> impl)) {
            return null;
        }
        return impl.channelHandlerContext().pipeline().context(WebSocketFrameEncoder.class);
    }

    private void onFrame(WebSocketFrame frame) {
        if (frame.type() == WebSocketFrameType.PONG) {
            pongNanos = System.nanoTime();
            return;
        }
        if (frame.isBinary()) {
            ws.close(UNSUPPORTED_DATA, "send text frames");
            release();
            return;
        }
        if (!frame.isText() && !frame.isContinuation()) {
            return;
        }
        if (message == null) {
            message = Buffer.buffer();
        }
        message.appendBuffer(frame.binaryData());
        if (message.length() > http.settings().maxUpstreamMessageSize()) {
            LOG.debug("Closing WebSocket of {}: a message exceeded maxUpstreamMessageSize={}", address,
                    http.settings().maxUpstreamMessageSize());
            message = null;
            ws.close(TOO_BIG, "message larger than " + http.settings().maxUpstreamMessageSize() + " bytes");
            release();
            return;
        }
        if (frame.isFinal()) {
            String text = message.toString(StandardCharsets.UTF_8);
            message = null;
            String channel = channel();
            if (http.upstream().hasConsumer(channel)) {
                http.upstream().deliver(channel, message(text, null));
            } else {
                LOG.debug("Dropping a WebSocket message from {}: no route consumes channel {}", address, channel);
            }
        }
    }

    @Override
    protected boolean writeQueueFull() {
        return ws.writeQueueFull();
    }

    @Override
    protected void whenWritable(Runnable action) {
        ws.drainHandler(v -> action.run());
    }

    @Override
    protected void write(List<StreamItem> items) {
        if (belowEncoder == null) {
            for (int i = 0; i < items.size(); i++) {
                ws.writeTextMessage(items.get(i).jsonFrame());
            }
        } else if (items.size() == 1) {
            belowEncoder.writeAndFlush(items.get(0).webSocketFrame().duplicate());
        } else {
            CompositeByteBuf frames = belowEncoder.alloc().compositeDirectBuffer(items.size());
            for (int i = 0; i < items.size(); i++) {
                frames.addComponent(true, items.get(i).webSocketFrame().duplicate());
            }
            belowEncoder.writeAndFlush(frames);
        }
    }

    @Override
    protected void writeDirect(EventDraft draft) {
        ws.writeTextMessage(JsonEventEncoder.direct(draft));
    }

    @Override
    protected void finish() {
        ws.close(NORMAL, "stream ended");
    }

    @Override
    protected void closeAbruptly(boolean fellBehind) {
        if (fellBehind) {
            ws.close(POLICY_VIOLATION, "subscriber fell behind; resume with lastEventId");
        } else {
            ws.close(GOING_AWAY, "server moved this connection; resume with lastEventId");
        }
    }

    @Override
    protected void tick() {
        if (awaitingPong) {
            // the outstanding ping's own timer decides; a new ping would only push its deadline back
            return;
        }
        long sent = System.nanoTime();
        awaitingPong = true;
        ws.writePing(PING);
        http.vertx().setTimer(http.settings().pongTimeoutMillis(), id -> {
            awaitingPong = false;
            if (!closed() && pongNanos - sent < 0) {
                LOG.debug("Closing WebSocket of {}: no pong within {} ms", address, http.settings().pongTimeoutMillis());
                ws.close(GOING_AWAY, "no pong");
                release();
            }
        });
    }
}
