package io.camelprogress.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import io.camelprogress.event.SseEncoder;
import io.camelprogress.event.StreamItem;
import io.camelprogress.hub.StreamSelection;
import io.vertx.core.buffer.Buffer;

/** One SSE response: replay, then live events, heartbeats when idle, and the end after the terminal event. */
final class SseConnection extends SubscriberConnection {

    private static final Buffer HEARTBEAT = SseEncoder.heartbeat();

    private final HostRequest request;
    private EventStreamOutput out;

    SseConnection(HttpContext http, HostRequest request, String address, StreamSelection selection) {
        super(http, request.loop(), address, selection, "sse");
        this.request = request;
    }

    /** Subscribes and starts the response; the caller has taken a place in the limiter for it. */
    void start(EventId cursor) {
        if (!subscribe(cursor)) {
            // EventSource stops reconnecting on 204: the stream ended at or before the client's id
            http.limiter().release(address);
            request.respond(204, Map.of(), new byte[0]);
            return;
        }
        out = request.openEventStream();
        out.onClosed(this::release);
        out.write(SseEncoder.retry(jitter(http.settings().retryMillis())));
        startTimer(http.settings().heartbeatMillis());
        drain();
    }

    /** A reconnection delay within 20% either side of {@code millis}, so clients dropped together come back spread out. */
    static long jitter(long millis) {
        return Math.round(millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    }

    @Override
    protected boolean writeQueueFull() {
        return out.writeQueueFull();
    }

    @Override
    protected void whenWritable(Runnable action) {
        out.whenWritable(action);
    }

    @Override
    protected void write(List<StreamItem> items) {
        out.write(items);
    }

    @Override
    protected void writeDirect(EventDraft draft) {
        out.write(SseEncoder.event(null, draft.name(), draft.data()));
    }

    @Override
    protected void finish() {
        out.end();
    }

    @Override
    protected void closeAbruptly(boolean fellBehind) {
        out.abort();
    }

    @Override
    protected void tick() {
        if (!wroteSinceTick && !out.writeQueueFull()) {
            out.write(HEARTBEAT);
        }
        wroteSinceTick = false;
    }
}
