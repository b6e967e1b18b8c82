package io.camelprogress.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventId;
import io.camelprogress.event.SseEncoder;
import io.camelprogress.hub.Hub;
import io.camelprogress.hub.ResetNotice;
import io.camelprogress.hub.StreamSelection;
import io.camelprogress.hub.SubscribeOutcome;
import io.camelprogress.hub.Subscription;
import io.camelprogress.hub.SubscriptionSink;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE response: replays and streams a subscription's events, sends heartbeats when idle and
 * ends after the terminal event. Everything but {@link #wakeup()} and {@link #overflowed()} runs on
 * the connection's event loop.
 */
final class SseConnection implements SubscriptionSink {

    private static final Logger LOG = LoggerFactory.getLogger(SseConnection.class);
    /** Events written in one write: enough to spare syscalls, small enough to keep writes short. */
    private static final int MAX_BATCH = 256;

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Context context;
    private final Vertx vertx;
    private final Hub hub;
    private final TransportSettings settings;
    private final ConnectionLimiter limiter;
    private final String address;
    private final Buffer heartbeat;
    private final List<Object> batch = new ArrayList<>();

    private Subscription subscription;
    private long heartbeatTimer = -1;
    private boolean wroteSinceHeartbeat;
    private boolean closed;

    SseConnection(HttpServerRequest request, Vertx vertx, Hub hub, TransportSettings settings,
                  ConnectionLimiter limiter, String address, Buffer heartbeat) {
        this.request = request;
        this.response = request.response();
        this.context = vertx.getOrCreateContext();
        this.vertx = vertx;
        this.hub = hub;
        this.settings = settings;
        this.limiter = limiter;
        this.address = address;
        this.heartbeat = heartbeat;
    }

    /** Subscribes and starts the response; the caller has taken a place in the limiter for it. */
    void start(StreamSelection selection, EventId cursor) {
        SubscribeOutcome outcome = hub.subscribe(selection, cursor, this);
        if (outcome.ended()) {
            // EventSource stops reconnecting on 204: the stream ended at or before the client's id
            limiter.release(address);
            response.setStatusCode(204).end();
            return;
        }
        subscription = outcome.subscription();
        writeHead(response);
        response.closeHandler(v -> release());
        response.exceptionHandler(e -> {
            LOG.debug("SSE connection to {} failed: {}", address, e.getMessage());
            release();
        });
        response.write(SseEncoder.retry(jitter(settings.retryMillis())));
        heartbeatTimer = vertx.setPeriodic(settings.heartbeatMillis(), id -> heartbeat());
        drain();
    }

    /** Status 200 and the headers of an event stream. */
    static void writeHead(HttpServerResponse response) {
        response.setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
    }

    /** A reconnection delay within 20% either side of {@code millis}, so clients dropped together come back spread out. */
    static long jitter(long millis) {
        return Math.round(millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    }

    @Override
    public void wakeup() {
        context.runOnContext(v -> drain());
    }

    @Override
    public void overflowed() {
        context.runOnContext(v -> {
            LOG.debug("SSE subscriber {} ({}) fell too far behind; closing so that it resumes by replay",
                    address, subscription == null ? "" : subscription.selection());
            request.connection().close();
            release();
        });
    }

    private void drain() {
        while (!closed) {
            if (response.writeQueueFull()) {
                response.drainHandler(v -> drain());
                return;
            }
            batch.clear();
            int n = subscription.drainTo(batch, MAX_BATCH);
            if (n == 0) {
                return;
            }
            boolean finished = false;
            Buffer out;
            if (n == 1 && batch.get(0) instanceof Event event) {
                out = event.sse();
                finished = subscription.delivered(event);
            } else {
                out = Buffer.buffer(n * 128);
                for (Object item : batch) {
                    if (item instanceof Event event) {
                        out.appendBuffer(event.sse());
                        finished |= subscription.delivered(event);
                    } else {
                        ResetNotice reset = (ResetNotice) item;
                        out.appendBuffer(SseEncoder.reset(reset.streams(), reset.reason()));
                    }
                }
            }
            response.write(out);
            wroteSinceHeartbeat = true;
            if (finished) {
                response.end();
                release();
                return;
            }
        }
    }

    private void heartbeat() {
        if (!closed && !wroteSinceHeartbeat && !response.writeQueueFull()) {
            response.write(heartbeat);
        }
        wroteSinceHeartbeat = false;
    }

    private void release() {
        if (closed) {
            return;
        }
        closed = true;
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        limiter.release(address);
        if (subscription != null) {
            hub.unsubscribe(subscription);
        }
    }
}
