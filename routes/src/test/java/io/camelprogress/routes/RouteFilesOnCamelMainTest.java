package io.camelprogress.routes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.camelprogress.component.ProgressComponent;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML and XML route files, loaded by Camel Main as an application would load them, publish
 * on the platform-http port, and a browser-like SSE client on that same port sees the events.
 */
@Timeout(60)
class RouteFilesOnCamelMainTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Main main;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        port = freePort();
        main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml,classpath:routes/*.camel.xml");
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.start();
    }

    @AfterAll
    static void stop() {
        main.stop();
    }

    @Test
    void bothRouteFilesAreLoadedAndStreamsShareThePort() {
        assertEquals(3, main.getCamelContext().getRoutes().size());
        assertTrue(main.getCamelContext().getComponent("progress", ProgressComponent.class).httpHost().attachedToPlatformHttp());
    }

    @Test
    void yamlRouteStreamsEachLineThenDone() throws Exception {
        BlockingQueue<String> lines = subscribe("/progress/yaml/job7");
        HttpResponse<String> posted = post("/yaml/jobs/job7", "unpack\nscan\nstore");
        assertEquals(200, posted.statusCode());
        List<String> data = dataLines(lines, 4);
        assertEquals("{\"stream\":\"yaml/job7\",\"stage\":\"processing\",\"percent\":33.3,\"current\":1,\"total\":3,\"message\":\"unpack\"}",
                data.get(0));
        assertEquals("{\"stream\":\"yaml/job7\",\"stage\":\"processing\",\"percent\":100,\"current\":3,\"total\":3,\"message\":\"store\"}",
                data.get(2));
        assertEquals("{\"status\":\"complete\"}", data.get(3));
        assertEquals("<end>", next(lines), "the done event ends the response");
    }

    @Test
    void xmlRouteStreamsPercentagesAndEndsAt100() throws Exception {
        BlockingQueue<String> lines = subscribe("/progress/xml/job9");
        assertEquals(200, post("/xml/jobs/job9", "40").statusCode());
        HttpResponse<String> last = post("/xml/jobs/job9", "100");
        List<String> data = dataLines(lines, 2);
        assertEquals("{\"stream\":\"xml/job9\",\"percent\":40,\"message\":\"job job9 at 40%\"}", data.get(0));
        assertEquals("{\"stream\":\"xml/job9\",\"percent\":100,\"message\":\"job job9 at 100%\"}", data.get(1));
        assertEquals("<end>", next(lines));
        HttpResponse<Void> reconnect = HTTP.send(HttpRequest.newBuilder(uri("/progress/xml/job9"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", last.body()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(204, reconnect.statusCode(), "a reconnect after the end is told to stop");
    }

    @Test
    void yamlConsumerRouteAnswersTheWebSocketThatAsked() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = HTTP.newWebSocketBuilder()
                .header("Origin", "http://127.0.0.1:" + port)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/progress/uploads/job42"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            ws.sendText("cancel", true).get(10, TimeUnit.SECONDS);
            assertEquals("{\"event\":\"cancelled\",\"stream\":\"uploads/job42\",\"data\":{\"job\":\"job42\",\"cancelled\":true}}",
                    frames.poll(10, TimeUnit.SECONDS));
            ws.sendText("dance", true).get(10, TimeUnit.SECONDS);
            assertEquals("{\"event\":\"rejected\",\"stream\":\"uploads/job42\",\"data\":\"unknown command: dance\"}",
                    frames.poll(10, TimeUnit.SECONDS));
        } finally {
            ws.abort();
        }
    }

    @Test
    void yamlConsumerRouteAnswersThePostThatAsked() throws Exception {
        HttpResponse<String> answer = post("/progress/uploads/job43", "cancel");
        assertEquals(200, answer.statusCode());
        assertEquals("application/json", answer.headers().firstValue("content-type").orElseThrow());
        assertEquals("{\"event\":\"cancelled\",\"stream\":\"uploads/job43\",\"data\":{\"job\":\"job43\",\"cancelled\":true}}",
                answer.body());
    }

    private static BlockingQueue<String> subscribe(String path) throws Exception {
        return SseLines.subscribe(HTTP, uri(path));
    }

    private static List<String> dataLines(BlockingQueue<String> lines, int n) throws InterruptedException {
        return SseLines.dataLines(lines, n);
    }

    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        return SseLines.next(lines);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
