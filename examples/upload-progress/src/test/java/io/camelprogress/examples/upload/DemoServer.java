package io.camelprogress.examples.upload;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.component.ProgressComponent;
import org.apache.camel.main.Main;

/** The demo application on a free loopback port with its own upload directory, for one test class. */
final class DemoServer implements AutoCloseable {

    static final long MAX_BYTES = 8L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as the browser speaks it here: the JDK default tries an h2c upgrade, which the pages never do
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Main main;
    private final int port;
    private final Path directory;

    DemoServer() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        directory = Files.createTempDirectory("upload-demo");
        main = new Main(UploadDemo.class);
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("camel.server.port", Integer.toString(port));
        main.addOverrideProperty("upload.dir", directory.toString());
        main.addOverrideProperty("upload.maxBytes", Long.toString(MAX_BYTES));
        main.addOverrideProperty("camel.component.progress.retryInterval", "300ms");
        main.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    ProgressComponent progress() {
        return main.getCamelContext().getComponent("progress", ProgressComponent.class);
    }

    Jobs jobs() {
        return main.getCamelContext().getRegistry().lookupByNameAndType("jobs", Jobs.class);
    }

    /** How fast the stages read from now on: slow enough for a test to act while a job runs. */
    void stagesRead(long bytesPerSecond) {
        main.getCamelContext().getRegistry().lookupByNameAndType("stages", Stages.class).setBytesPerSecond(bytesPerSecond);
    }

    Path inbox() {
        return directory.resolve("inbox");
    }

    /** The ids of every event the server retains for a stream, in order: what a client should have got. */
    List<String> idsOf(String stream) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/progress/" + stream + "?after=&timeout=0")))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        for (JsonNode event : JSON.readTree(response.body()).get("events")) {
            ids.add(event.get("id").asText());
        }
        return ids;
    }

    /** A text file of about {@code bytes} bytes, numbered lines, under target/. */
    static Path textFile(String name, long bytes) throws IOException {
        Path file = Path.of("target", "uploads", name);
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            for (long line = 1; written < bytes; line++) {
                String text = "line " + line + " of a generated upload, with some words to compress\n";
                out.write(text);
                written += text.length();
            }
        }
        return file;
    }

    @Override
    public void close() {
        main.stop();
    }
}
