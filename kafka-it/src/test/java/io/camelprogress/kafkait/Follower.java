package io.camelprogress.kafkait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;

/**
 * A browser-like SSE subscriber on its own thread: reads a stream, and when its connection drops
 * reconnects (to whichever node {@code url} names now) with its Last-Event-ID, as EventSource does.
 */
final class Follower implements AutoCloseable {

    private final Supplier<String> url;
    private final List<String> data = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int reconnects;
    private volatile int wanted = Integer.MAX_VALUE;

    Follower(Supplier<String> url) {
        this.url = url;
        this.thread = new Thread(this::run, "follower");
        this.thread.setDaemon(true);
    }

    Follower start() {
        thread.start();
        return this;
    }

    private void run() {
        String lastId = null;
        while (!stopped && received() < wanted) {
            Map<String, String> headers = lastId == null ? Map.of() : Map.of("Last-Event-ID", lastId);
            try (SseTestClient client = SseTestClient.open(url.get(), headers)) {
                while (!stopped && received() < wanted) {
                    SseFrame frame = client.next(f -> f.isEvent() || f.kind() == SseFrame.Kind.END, Duration.ofSeconds(30));
                    if (frame.kind() == SseFrame.Kind.END) {
                        break;
                    }
                    synchronized (this) {
                        data.add(frame.data());
                        ids.add(frame.id());
                    }
                    lastId = frame.id();
                }
            } catch (Exception | AssertionError e) {
                // the node went away mid-read or refused the connection: reconnect as a browser would
            }
            reconnects++;
        }
    }

    /** Reads until it has {@code n} events in all, then stops. */
    void want(int n) {
        wanted = n;
    }

    synchronized int received() {
        return data.size();
    }

    synchronized List<String> data() {
        return new ArrayList<>(data);
    }

    synchronized List<String> ids() {
        return new ArrayList<>(ids);
    }

    int reconnects() {
        return reconnects;
    }

    void join(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5_000);
    }
}
