package io.camelprogress.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An SSE stream read line by line into a queue, for the route-file tests. */
final class SseLines {

    private SseLines() {
    }

    /** Opens an SSE stream and hands its lines to a queue, then {@code <end>}. */
    static BlockingQueue<String> subscribe(HttpClient http, URI uri) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                lines.add("<failed: " + e.getMessage() + ">");
            }
            lines.add("<end>");
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next {@code n} data lines. */
    static List<String> dataLines(BlockingQueue<String> lines, int n) throws InterruptedException {
        List<String> data = new ArrayList<>();
        while (data.size() < n) {
            String line = next(lines);
            assertTrue(!line.startsWith("<"), "stream ended early: " + line + " after " + data);
            if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        }
        return data;
    }

    /**
     * Every event until the stream ends, as {@code "<event name> <data>"} (one data line each),
     * within {@code timeout} in all.
     */
    static List<String> eventsUntilEnd(BlockingQueue<String> lines, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> events = new ArrayList<>();
        String name = "message";
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("the stream did not end within " + timeout + "; events so far: " + last(events));
            }
            if (line.equals("<end>")) {
                return events;
            }
            assertTrue(!line.startsWith("<failed"), line);
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                events.add(name + " " + line.substring(6));
            } else if (line.isEmpty()) {
                name = "message";
            }
        }
    }

    private static List<String> last(List<String> events) {
        return events.subList(Math.max(0, events.size() - 5), events.size());
    }

    /** The next line that is not blank, an id or an event name. */
    static String next(BlockingQueue<String> lines) throws InterruptedException {
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no line within 10 s");
            }
            if (!line.isEmpty() && !line.startsWith("id:") && !line.startsWith("event:")) {
                return line;
            }
        }
    }
}
