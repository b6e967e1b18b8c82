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
        return HTTP.send(HttpRequest.newBuilder(uri("/publish/" + stream)).header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a burst of {@code count} events round-robin over streams {@code s0..s<streams-1>}, in the background. */
    void burst(int count, int streams) throws IOException, InterruptedException {
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(uri("/burst?count=" + count + "&streams=" + streams))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 200) {
            throw new IllegalStateException("burst not started: " + started.statusCode() + " " + started.body());
        }
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
