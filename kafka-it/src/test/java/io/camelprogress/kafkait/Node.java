package io.camelprogress.kafkait;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelprogress.testing.FreePort;

/** A node process: {@link NodeMain} in its own JVM, on its own port, started from the test's classpath. */
final class Node implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    Node(String name, String brokers, String topic, String... properties) {
        this.name = name;
        this.port = FreePort.find();
        this.log = Path.of("target", "node-" + name + "-" + port + ".log");
        command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), NodeMain.class.getName(),
                Integer.toString(port), brokers, topic));
        command.addAll(List.of(properties));
    }

    /**
     * Runs the node with the optimizing JIT compiler, as in production, for throughput figures; the
     * other tests stop at the quick first tier, which starts faster.
     */
    Node optimized() {
        command.remove("-XX:TieredStopAtLevel=1");
        return this;
    }

    /** Starts the JVM and waits until it serves. */
    Node start() throws Exception {
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(uri("/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Node " + name + " did not serve within " + START_TIMEOUT + "; see " + log.toAbsolutePath());
            }
            Thread.sleep(100);
        }
    }

    /** kill -9: no shutdown, no goodbye to clients or broker. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Publishes one event to {@code jobs/<stream>}; returns the HTTP answer (the event id on 200). */
    HttpResponse<String> publish(String stream, String body) throws IOException, InterruptedException {
        return publishTo("/publish/" + stream, body);
    }

    /** Publishes one event named {@code event} (a terminal one, for {@code done}) to {@code jobs/<stream>}. */
    HttpResponse<String> publish(String stream, String event, String body) throws IOException, InterruptedException {
        return publishTo("/publish/" + stream + "?event=" + event, body);
    }

    private HttpResponse<String> publishTo(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Starts {@link SequentialRun}: {@code count} events to {@code jobs/<stream>} then {@code done}; it waits
     * before event {@code pauseAt} (-1: never) until {@link #resume(String)}.
     */
    void run(String stream, int count, int pauseAt) throws IOException, InterruptedException {
        post("/run/" + stream + "?count=" + count + "&pauseAt=" + pauseAt);
    }

    void resume(String stream) throws IOException, InterruptedException {
        post("/resume/" + stream);
    }

    /** What the run of {@code stream} was told so far. */
    RunReport report(String stream) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/report/" + stream)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("no report of run " + stream + ": " + answer.statusCode() + " " + answer.body());
        }
        String[] lines = answer.body().split("\n", 2);
        return new RunReport(Integer.parseInt(lines[0]), lines[1]);
    }

    /** Waits until the run of {@code stream} has ended, and says how. */
    RunReport awaitRunEnd(String stream, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RunReport report = report(stream);
        while (!report.ended()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + stream + " did not end within " + timeout + ": " + report);
            }
            Thread.sleep(20);
            report = report(stream);
        }
        return report;
    }

    /**
     * @param told    how many of the run's events the route was told were published
     * @param outcome {@code running}, {@code done <terminal event id>} or {@code failed <message>}
     */
    record RunReport(int told, String outcome) {

        boolean ended() {
            return !outcome.equals("running");
        }
    }

    private void post(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /** Starts a burst of {@code count} events round-robin over streams {@code s0..s<streams-1>}, in the background. */
    void burst(int count, int streams) throws IOException, InterruptedException {
        post("/burst?count=" + count + "&streams=" + streams);
    }

    /** GETs a path on another port of the node's, as its management server's. */
    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String url(String stream) {
        return "http://127.0.0.1:" + port + "/progress/jobs/" + stream;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
