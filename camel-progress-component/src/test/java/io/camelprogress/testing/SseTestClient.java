package io.camelprogress.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A minimal SSE reader over the JDK HttpClient for tests: it parses the response line by line, as
 * the WHATWG algorithm does, into {@link SseFrame}s that a test takes with a timeout.
 */
public final class SseTestClient implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<SseFrame> frames;
    private final Thread reader;
    private volatile boolean closing;

    private SseTestClient(HttpResponse<Stream<String>> response, int capacity) {
        this.response = response;
        this.frames = new LinkedBlockingQueue<>(capacity);
        this.reader = new Thread(this::read, "sse-test-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static SseTestClient open(String url) throws Exception {
        return open(url, Map.of());
    }

    public static SseTestClient open(String url, Map<String, String> headers) throws Exception {
        return open(url, headers, Integer.MAX_VALUE);
    }

    /**
     * Opens a stream whose reader holds at most {@code capacity} frames the test has not taken: past
     * that it stops reading the socket, as a slow browser does.
     */
    public static SseTestClient open(String url, Map<String, String> headers, int capacity) throws Exception {
        return open(CLIENT, url, headers, capacity);
    }

    /** Opens a stream with a client of the test's own (TLS, HTTP/2). */
    public static SseTestClient open(HttpClient client, String url, Map<String, String> headers, int capacity) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return new SseTestClient(client.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()), capacity);
    }

    public int status() {
        return response.statusCode();
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (var it = lines.iterator(); it.hasNext();) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        put(new SseFrame(SseFrame.Kind.EVENT, id, event, data.toString()));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    put(new SseFrame(SseFrame.Kind.COMMENT, null, null, line.substring(1).trim()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        case "retry" -> put(new SseFrame(SseFrame.Kind.RETRY, null, null, value));
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException e) {
            // the test closed the stream, or the server dropped it: both end the frames
        }
        put(SseFrame.end());
    }

    private void put(SseFrame frame) {
        try {
            while (!closing && !frames.offer(frame, 50, TimeUnit.MILLISECONDS)) {
                // full: the test reads slowly, and so does this client
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The next frame, or an AssertionError when none comes within the timeout. */
    public SseFrame next(Duration timeout) throws InterruptedException {
        SseFrame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("No SSE frame within " + timeout);
        }
        return frame;
    }

    /** The next frame that matches, skipping others. */
    public SseFrame next(Predicate<SseFrame> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            SseFrame frame = frames.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("No matching SSE frame within " + timeout);
            }
            if (matching.test(frame)) {
                return frame;
            }
            if (frame.kind() == SseFrame.Kind.END) {
                throw new AssertionError("The response ended before a matching frame");
            }
        }
    }

    /** The next {@code n} events, skipping comments and retry fields. */
    public List<SseFrame> events(int n, Duration timeout) throws InterruptedException {
        List<SseFrame> events = new ArrayList<>(n);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < n) {
            long left = deadline - System.nanoTime();
            SseFrame frame = frames.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("Got " + events.size() + " of " + n + " events within " + timeout);
            }
            if (frame.isEvent()) {
                events.add(frame);
            } else if (frame.kind() == SseFrame.Kind.END) {
                throw new AssertionError("The response ended after " + events.size() + " of " + n + " events");
            }
        }
        return events;
    }

    /** Waits for the end of the response. */
    public void awaitEnd(Duration timeout) throws InterruptedException {
        next(f -> f.kind() == SseFrame.Kind.END, timeout);
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        response.body().close();
        reader.join(5000);
    }
}
