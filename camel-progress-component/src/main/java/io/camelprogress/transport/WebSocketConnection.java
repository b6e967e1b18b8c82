package io.camelprogress.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import io.camelprogress.event.JsonEventEncoder;
import io.camelprogress.event.StreamItem;
import io.camelprogress.hub.StreamSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket subscriber: events as JSON text frames {@code {"id","event","stream","data"}}, a ping
 * every heartbeat interval (a peer whose pong is late is closed), close code 1000 after the
 * terminal event, and text messages from the browser handed to the channel's route.
 */
final class WebSocketConnection extends SubscriberConnection implements WebSocketChannel.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);

    private final WebSocketChannel ws;
    private final boolean maySend;
    private boolean awaitingPong;
    private long pongNanos = System.nanoTime();
    private ByteArrayOutputStream message;
    /** Messages the browser may still send now; null when upstreamRatePerConnection is 0. */
    private final TokenBucket upstreamRate;

    /** @param maySend whether the authorize step lets this client's frames go to the channel's route */
    WebSocketConnection(HttpContext http, ConnectionLoop loop, WebSocketChannel ws, String address, StreamSelection selection,
                        boolean maySend) {
        super(http, loop, address, selection, "websocket");
        this.ws = ws;
        this.maySend = maySend;
        int rate = http.settings().limits().upstreamRatePerConnection();
        this.upstreamRate = rate == 0 ? null : new TokenBucket(rate, 2.0 * rate, System.nanoTime());
    }

    /** Subscribes and starts streaming; the caller has taken a place in the limiter for it. */
    void start(EventId cursor) {
        ws.listen(this);
        if (!subscribe(cursor)) {
            http.limiter().release(address);
            ws.close(WebSocketCloseCodes.NORMAL, "stream ended");
            return;
        }
        startTimer(http.settings().heartbeatMillis());
        drain();
    }

    @Override
    public void onPong() {
        pongNanos = System.nanoTime();
    }

    @Override
    public void onBinary() {
        ws.fail(WebSocketCloseCodes.UNSUPPORTED_DATA, "send text frames");
        release();
    }

    @Override
    public void onClosed() {
        release();
    }

    @Override
    public void onText(byte[] payload, boolean last) {
        if (closed()) {
            return;
        }
        if (!maySend) {
            LOG.debug("Closing WebSocket of {}: the authorize step lets it read, not send", address);
            http.metrics().refused("forbidden");
            ws.fail(WebSocketCloseCodes.POLICY_VIOLATION, "sending is not allowed on this connection");
            release();
            return;
        }
        if (message == null) {
            if (upstreamRate != null && upstreamRate.take(System.nanoTime()) > 0) {
                int rate = http.settings().limits().upstreamRatePerConnection();
                LOG.debug("Closing WebSocket of {}: messages faster than upstreamRatePerConnection={}/s", address, rate);
                http.metrics().refused("upstreamRatePerConnection");
                ws.fail(WebSocketCloseCodes.POLICY_VIOLATION, "messages faster than " + rate + "/s");
                release();
                return;
            }
            message = new ByteArrayOutputStream(Math.max(32, payload.length));
        }
        message.writeBytes(payload);
        int max = http.settings().maxUpstreamMessageSize();
        if (message.size() > max) {
            LOG.debug("Closing WebSocket of {}: a message exceeded maxUpstreamMessageSize={}", address, max);
            message = null;
            ws.fail(WebSocketCloseCodes.TOO_BIG, "message larger than " + max + " bytes");
            release();
            return;
        }
        if (last) {
            String text = message.toString(StandardCharsets.UTF_8);
            message = null;
            String channel = channel();
            if (http.upstream().hasConsumer(channel)) {
                http.metrics().upstream("websocket");
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
        ws.whenWritable(action);
    }

    @Override
    protected void write(List<StreamItem> items) {
        ws.write(items);
    }

    @Override
    protected void writeDirect(EventDraft draft) {
        ws.writeText(JsonEventEncoder.direct(draft));
    }

    @Override
    protected void finish() {
        ws.close(WebSocketCloseCodes.NORMAL, "stream ended");
    }

    @Override
    protected void closeAbruptly(boolean fellBehind) {
        if (fellBehind) {
            ws.close(WebSocketCloseCodes.POLICY_VIOLATION, "subscriber fell behind; resume with lastEventId");
        } else {
            ws.close(WebSocketCloseCodes.GOING_AWAY, "server moved this connection; resume with lastEventId");
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
        ws.ping();
        loop.after(http.settings().pongTimeoutMillis(), () -> {
            awaitingPong = false;
            if (!closed() && pongNanos - sent < 0) {
                LOG.debug("Closing WebSocket of {}: no pong within {} ms", address, http.settings().pongTimeoutMillis());
                ws.close(WebSocketCloseCodes.GOING_AWAY, "no pong");
                release();
            }
        });
    }
}
