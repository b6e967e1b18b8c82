package io.camelprogress.transport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.camelprogress.component.ProgressConstants;
import io.camelprogress.testing.LibraryWsClient;
import io.camelprogress.testing.Nginx;
import io.camelprogress.testing.Await;
import io.camelprogress.testing.PlainHttp;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through a real nginx (Debian's, as bin/install-test-tools installs it) configured as the README
 * documents, {@code docs/nginx/progress.conf}: events unbuffered, idle streams kept past the proxy's
 * read timeout by heartbeats, WebSocket upgrades, and per-address limits on the browsers' addresses.
 */
@Timeout(120)
class NginxProxyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theReadmeShowsTheTestedConfiguration() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("<!-- nginx: START");
        int end = readme.indexOf("<!-- nginx: END -->");
        assertTrue(start >= 0 && end > start, "README.md has the nginx markers");
        String shown = readme.substring(readme.indexOf("```nginx\n", start) + "```nginx\n".length(), readme.lastIndexOf("```", end));
        assertEquals(Files.readString(Nginx.DOCUMENTED), shown, "the README shows docs/nginx/progress.conf as it is");
    }

    @Test
    void eventsArriveUnbuffered() throws Exception {
        try (ProgressServer server = new ProgressServer();
             Nginx nginx = Nginx.start(server.port(), null);
             SseTestClient sse = SseTestClient.open(nginx.url("up/latency"))) {
            assertEquals(200, sse.status(), nginx.logs());
            // the retry field is written when the subscription is in place: what follows is live
            sse.next(f -> f.kind() == SseFrame.Kind.RETRY, WAIT);
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long published = System.nanoTime();
                String id = server.publish("latency", "progress", "{\"n\":" + i + "}");
                SseFrame event = sse.next(SseFrame::isEvent, WAIT);
                micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - published));
                assertEquals(id, event.id());
            }
            System.out.printf("publish -> receipt through nginx, 20 events one after another (us): first %d, median %d, max %d%n",
                    micros.get(0), micros.stream().sorted().toList().get(10), micros.stream().mapToLong(Long::longValue).max().orElseThrow());
            assertTrue(micros.get(0) < 200_000, "first event " + micros.get(0) + " us after its publish");
        }
    }

    @Test
    void theAccessLogKeepsTicketsOut() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setTicketSecret("the nginx test's secret, 32 bytes and more"));
             Nginx nginx = Nginx.start(server.port(), null)) {
            String ticket = server.component().tickets().issue("up/logged");
            server.publish("logged", "done", "the end");
            HttpResponse<String> read = PlainHttp.get(nginx.url("up/logged?ticket=" + ticket), java.util.Map.of());
            assertEquals(200, read.statusCode(), nginx.logs());
            Await.until(() -> {
                try {
                    return nginx.accessLog().contains("/progress/up/logged");
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }, WAIT, "the request to be in the access log");
            assertFalse(nginx.accessLog().contains(ticket), nginx.accessLog());
            assertFalse(nginx.accessLog().contains("ticket="), nginx.accessLog());
        }
    }

    @Test
    void heartbeatsKeepAnIdleStreamOpenPastTheProxysReadTimeout() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setHeartbeatInterval(500));
             Nginx nginx = Nginx.start(server.port(), "2s");
             SseTestClient sse = SseTestClient.open(nginx.url("up/idle"))) {
            sse.next(f -> f.kind() == SseFrame.Kind.RETRY, WAIT);
            int heartbeats = 0;
            long idleUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            for (long left; (left = idleUntil - System.nanoTime()) > 0;) {
                try {
                    SseFrame frame = sse.next(Duration.ofNanos(left));
                    assertNotEquals(SseFrame.Kind.END, frame.kind(), "nginx cut the idle stream: " + nginx.logs());
                    heartbeats += frame.kind() == SseFrame.Kind.COMMENT ? 1 : 0;
                } catch (AssertionError quietUntilTheEnd) {
                    break;
                }
            }
            assertTrue(heartbeats >= 5, "heartbeats through nginx in 5 s: " + heartbeats);
            String id = server.publish("idle", "progress", "after the idle time");
            assertEquals(id, sse.next(SseFrame::isEvent, WAIT).id());
        }
    }

    @Test
    void withoutHeartbeatsWithinTheReadTimeoutNginxCutsTheStream() throws Exception {
        // the other side of the test above: the rendered timeout is the one nginx applies
        try (ProgressServer server = new ProgressServer(c -> c.setHeartbeatInterval(30_000));
             Nginx nginx = Nginx.start(server.port(), "2s");
             SseTestClient sse = SseTestClient.open(nginx.url("up/cut"))) {
            sse.next(f -> f.kind() == SseFrame.Kind.RETRY, WAIT);
            long start = System.nanoTime();
            sse.awaitEnd(WAIT);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsed >= 1500, "cut after " + elapsed + " ms");
        }
    }

    @Test
    void webSocketUpgradesPassThrough() throws Exception {
        BlockingQueue<String> upstream = new LinkedBlockingQueue<>();
        try (ProgressServer server = new ProgressServer(c -> c.setTrustedProxies("127.0.0.1"))) {
            server.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("progress:up").process(e -> upstream.add(e.getMessage().getBody(String.class) + " from "
                                                                  + e.getMessage().getHeader(ProgressConstants.CLIENT_ADDRESS)));
                }
            });
            try (Nginx nginx = Nginx.start(server.port(), null);
                 LibraryWsClient ws = LibraryWsClient.open(nginx.wsUrl("up/ws"))) {
                String id = server.publish("ws", "progress", "{\"percent\":42}");
                var frame = ws.next(WAIT);
                assertEquals(id, frame.get("id").asText());
                assertEquals(42, frame.get("data").get("percent").asInt());
                ws.send("cancel");
                assertEquals("cancel from 127.0.0.1", upstream.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void perAddressLimitsSeeTheBrowsersAddressThroughTrustedProxies() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> {
            c.setMaxConnectionsPerAddress(2);
            c.setTrustedProxies("127.0.0.1");
        }); Nginx nginx = Nginx.start(server.port(), null)) {
            // two browsers, on addresses of their own (the whole of 127/8 is loopback on Linux)
            try (RawSse a1 = RawSse.open("127.0.0.2", nginx.port(), "up/limit");
                 RawSse a2 = RawSse.open("127.0.0.2", nginx.port(), "up/limit");
                 RawSse a3 = RawSse.open("127.0.0.2", nginx.port(), "up/limit");
                 RawSse b1 = RawSse.open("127.0.0.3", nginx.port(), "up/limit");
                 RawSse b2 = RawSse.open("127.0.0.3", nginx.port(), "up/limit")) {
                assertTrue(a1.retry() < 10_000 && a2.retry() < 10_000, "the first two of 127.0.0.2 are served");
                assertTrue(a3.retry() >= 20_000, "the third of 127.0.0.2 is told to come back later (overloadRetryInterval)");
                a3.awaitEnd();
                assertTrue(b1.retry() < 10_000 && b2.retry() < 10_000, "127.0.0.3 has a quota of its own");
                String id = server.publish("limit", "progress", "to all four");
                for (RawSse served : List.of(a1, a2, b1, b2)) {
                    assertEquals("id: " + id, served.nextLineStartingWith("id:"));
                }
            }
        }
        try (ProgressServer server = new ProgressServer(c -> c.setMaxConnectionsPerAddress(2));
             Nginx nginx = Nginx.start(server.port(), null);
             RawSse a1 = RawSse.open("127.0.0.2", nginx.port(), "up/limit");
             RawSse a2 = RawSse.open("127.0.0.2", nginx.port(), "up/limit");
             RawSse b1 = RawSse.open("127.0.0.3", nginx.port(), "up/limit")) {
            assertTrue(a1.retry() < 10_000 && a2.retry() < 10_000);
            assertTrue(b1.retry() >= 20_000, "without trustedProxies every browser has nginx's address");
        }
    }

    /**
     * An SSE request over a plain socket from a chosen loopback address (the JDK client cannot bind
     * one), read line by line.
     */
    private static final class RawSse implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;

        private RawSse(Socket socket) throws Exception {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        static RawSse open(String from, int port, String path) throws Exception {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(("GET /progress/" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            RawSse sse = new RawSse(socket);
            String status = sse.in.readLine();
            assertEquals("HTTP/1.1 200 OK", status);
            return sse;
        }

        /** The retry: field the server sent first. */
        int retry() throws Exception {
            return Integer.parseInt(nextLineStartingWith("retry:").substring("retry:".length()).trim());
        }

        String nextLineStartingWith(String prefix) throws Exception {
            for (String line; (line = in.readLine()) != null;) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new AssertionError("The response ended before a line starting with " + prefix);
        }

        /** Reads to the end of the response (nginx closes: the request said Connection: close). */
        void awaitEnd() throws Exception {
            while (in.readLine() != null) {
                // the rest of the refusal
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
