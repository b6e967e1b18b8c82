package io.camelprogress.examples.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.component.ProgressConstants;
import io.camelprogress.testing.browser.HeadlessChromium;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The client library on a recorded stream, in Chromium and in Node (npm {@code eventsource} as the
 * polyfill, Node's own WebSocket and fetch): the same handler calls over SSE, WebSocket and
 * long-poll, including the reset of a cursor from another epoch.
 */
@Timeout(240)
class ClientInNodeAndBrowserTest {

    private static final String STREAM = "recorded/run1";
    private static final String FOREIGN_ID = "zzzzzzzz-1";
    private static final List<String> TRANSPORTS = List.of("sse", "ws", "poll");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DemoServer server;
    private static Path nodeDir;

    @BeforeAll
    static void start() throws Exception {
        server = new DemoServer();
        ProducerTemplate template = server.progress().getCamelContext().createProducerTemplate();
        template.sendBodyAndHeaders("progress:recorded?payload=progress", "half way",
                Map.of(ProgressConstants.STREAM_ID, "run1", ProgressConstants.STAGE, "scan", ProgressConstants.PERCENT, 50));
        template.sendBodyAndHeaders("progress:recorded", "two\nlines",
                Map.of(ProgressConstants.STREAM_ID, "run1", ProgressConstants.EVENT, "note"));
        template.sendBodyAndHeaders("progress:recorded", Map.of("ok", true),
                Map.of(ProgressConstants.STREAM_ID, "run1", ProgressConstants.EVENT, "done"));
        nodeDir = installNodeTest();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final List<String> EXPECTED = List.of(
            "onStatus connecting",
            "onStatus open",
            "onEvent reset no-id " + STREAM,
            "onReset {\"streams\":[\"" + STREAM + "\"],\"reason\":\"epoch\"}",
            "onEvent progress id " + STREAM,
            "onProgress {\"stream\":\"" + STREAM + "\",\"stage\":\"scan\",\"percent\":50,\"message\":\"half way\"}",
            "onEvent note id " + STREAM,
            "onNote two\nlines",
            "onEvent done id " + STREAM,
            "onDone {\"ok\":true}",
            "onStatus closed");

    @Test
    void sameHandlerCallsInChromiumAndNodeOverEveryTransport() throws Exception {
        String recorder = Files.readString(nodeDir.resolve("record.mjs"));
        try (HeadlessChromium page = HeadlessChromium.open(server.url("/"))) {
            for (String transport : TRANSPORTS) {
                JsonNode calls = page.evaluate("""
                        (async () => {
                          const { subscribe } = await import('/progress/_client.js');
                          const { record } = await import('data:text/javascript,' + encodeURIComponent(%s));
                          return record(subscribe, '%s', { transport: '%s', lastEventId: '%s', retryDelay: 100 });
                        })()""".formatted(JSON.writeValueAsString(recorder), STREAM, transport, FOREIGN_ID), Duration.ofSeconds(30));
                assertEquals(EXPECTED, strings(calls), "Chromium over " + transport);
            }
        }
        for (String transport : TRANSPORTS) {
            assertEquals(EXPECTED, strings(node(transport)), "Node over " + transport);
        }
    }

    private static JsonNode node(String transport) throws Exception {
        Process process = new ProcessBuilder("node", "--experimental-websocket", "--no-warnings", "run.mjs",
                server.url("/progress"), STREAM, transport, FOREIGN_ID)
                .directory(nodeDir.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node did not finish within 60 s over " + transport);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("node failed over " + transport + ":\n" + output);
        }
        return JSON.readTree(output);
    }

    /** Copies the Node test to target/ and installs its one dependency there (the test command's npm install). */
    private static Path installNodeTest() throws IOException, InterruptedException {
        Path source = Path.of("src", "test", "node");
        Path dir = Path.of("target", "node-test");
        Files.createDirectories(dir);
        for (String name : List.of("package.json", "package-lock.json", "record.mjs", "run.mjs")) {
            Files.copy(source.resolve(name), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/eventsource"))) {
            Process npm;
            try {
                npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile()).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("The client's Node test needs Node.js 20 and npm on the PATH (bin/install-test-tools installs them)", e);
            }
            boolean finished = npm.waitFor(180, TimeUnit.SECONDS);
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new AssertionError("npm ci of the Node test failed:\n" + output);
            }
        }
        return dir;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
