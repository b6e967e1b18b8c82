package io.camelprogress.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;

/** What OkHttp's spec-following SSE client (okhttp-sse) hears, for tests to take in order. */
public final class OkSseListener extends EventSourceListener {

    /** One event as the client parsed it. */
    public record Received(String id, String type, String data) {
    }

    public final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    public final CountDownLatch closed = new CountDownLatch(1);
    public volatile Response response;

    @Override
    public void onOpen(EventSource eventSource, Response response) {
        this.response = response;
    }

    @Override
    public void onEvent(EventSource eventSource, String id, String type, String data) {
        events.add(new Received(id, type, data));
    }

    @Override
    public void onClosed(EventSource eventSource) {
        closed.countDown();
    }

    @Override
    public void onFailure(EventSource eventSource, Throwable t, Response response) {
        this.response = response;
        closed.countDown();
    }

    /** The next {@code n} events, or an AssertionError when they do not come within 10 s each. */
    public List<Received> take(int n) throws InterruptedException {
        List<Received> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Received r = events.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("got " + got.size() + " of " + n + " events: " + got);
            }
            got.add(r);
        }
        return got;
    }
}
