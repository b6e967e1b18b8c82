package io.camelprogress.transport;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import io.camelprogress.testing.PlatformHttpApp;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.VertxHost;
import io.camelprogress.testing.WsTestClient;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounds against abusive clients, each pushed past over real sockets and answered as the
 * README says: subscribe and POST rates per client address (the address a trusted proxy forwards),
 * the memory of those rates, streams per connection, the WebSocket message rate, and the header
 * size on both hosts.
 */
@Timeout(60)
class AbuseLimitsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ProgressServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ProgressServer(c -> {
            c.setTrustedProxies("127.0.0.1");
            c.setSubscribeRatePerAddress(1);
            c.setPostRatePerAddress(1);
            c.setMaxTrackedAddresses(3);
            c.setMaxStreamsPerConnection(3);
            c.setUpstreamRatePerConnection(5);
            c.setOverloadRetryInterval(7000);
        });
        server.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("progress:up").setBody(constant("ok"));
            }
        });
        server.publish("known", "progress", "{\"percent\":1}");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> snapshot(String address, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Accept", "application/json")
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends requests from one address until one is refused, and checks that no more went through
     * than the burst (twice the rate of 1/s) and the refill of the time taken allow.
     *
     * @return the refused answer's status
     */
    private static int untilRefused(IntPredicate refused, ThrowingSupplier<Integer> request) throws Exception {
        long start = System.nanoTime();
        for (int passed = 0; passed < 20; passed++) {
            int status = request.get();
            if (refused.test(status)) {
                double seconds = (System.nanoTime() - start) / 1e9;
                assertTrue(passed <= 2 + Math.ceil(seconds), passed + " passed in " + seconds + " s at 1/s with bursts of 2");
                assertTrue(passed >= 2, "the burst passes first: " + passed);
                return status;
            }
        }
        throw new AssertionError("20 requests from one address and none refused");
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    @Test
    void snapshotsAndLongPollsPastTheSubscribeRateGet429WithRetryAfter() throws Exception {
        String address = "203.0.113.1";
        untilRefused(s -> s == 429, () -> snapshot(address, "up/known").statusCode());
        HttpResponse<String> refused = snapshot(address, "up/known");
        assertEquals(429, refused.statusCode());
        assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1, "Retry-After in seconds");
        assertTrue(refused.body().contains("subscribeRatePerAddress=1"), refused.body());
        HttpResponse<String> poll = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("up/known?after=&timeout=0")))
                .header("Accept", "application/json").header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(429, poll.statusCode(), "long-poll shares the subscribe rate");
        assertEquals(200, snapshot("203.0.113.2", "up/known").statusCode(), "another address has its own rate");
    }

    @Test
    void refusedTicketsCountAgainstTheSubscribeRate() throws Exception {
        try (ProgressServer guarded = new ProgressServer(c -> {
            c.setTicketSecret("a secret for the rate test, 32 bytes and more");
            c.setSubscribeRatePerAddress(1);
        })) {
            List<Integer> statuses = new ArrayList<>();
            while (statuses.size() < 20 && !statuses.contains(429)) {
                statuses.add(HTTP.send(HttpRequest.newBuilder(URI.create(guarded.url("up/known"))).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            assertEquals(401, statuses.get(0), "no ticket: " + statuses);
            assertTrue(statuses.contains(429), "a flood of subscribes without a ticket is held to the rate too: " + statuses);
        }
    }

    @Test
    void anSseClientPastTheSubscribeRateGets200ALongerRetryAndTheEnd() throws Exception {
        String address = "203.0.113.3";
        untilRefused(s -> s == 429, () -> snapshot(address, "up/known").statusCode());
        try (SseTestClient client = SseTestClient.open(server.url("up/known"), Map.of("X-Forwarded-For", address))) {
            assertEquals(200, client.status(), "never 429 for EventSource, which would stop for good");
            SseFrame retry = client.next(Duration.ofSeconds(10));
            assertEquals(SseFrame.Kind.RETRY, retry.kind());
            long millis = Long.parseLong(retry.data());
            assertTrue(millis >= 5600 && millis <= 8400, "overloadRetryInterval with jitter: " + millis);
            client.awaitEnd(Duration.ofSeconds(10));
        }
    }

    @Test
    void aWebSocketPastTheSubscribeRateIsClosedWith1013() throws Exception {
        String address = "203.0.113.4";
        untilRefused(s -> s == 429, () -> snapshot(address, "up/known").statusCode());
        try (WsTestClient ws = WsTestClient.open(server.wsUrl("up/known"), Map.of("X-Forwarded-For", address))) {
            assertEquals(1013, ws.awaitClose(Duration.ofSeconds(10)), "try again later");
        }
    }

    @Test
    void theRateMemoryForgetsTheAddressSeenLongestAgo() throws Exception {
        // with maxTrackedAddresses=3, three other addresses push an exhausted one out; it starts again full
        for (int attempt = 0; ; attempt++) {
            String exhausted = "198.51.100." + attempt;
            untilRefused(s -> s == 429, () -> snapshot(exhausted, "up/known").statusCode());
            long refusedAt = System.nanoTime();
            for (int i = 1; i <= 3; i++) {
                assertEquals(200, snapshot("192.0.2." + (attempt * 3 + i), "up/known").statusCode());
            }
            int status = snapshot(exhausted, "up/known").statusCode();
            if (System.nanoTime() - refusedAt < 900_000_000L) {
                // within a second of the refusal no token was refilled: only forgetting explains a 200
                assertEquals(200, status, "forgotten after three other addresses");
                return;
            }
            assertTrue(attempt < 3, "the machine is too slow to tell forgetting from refilling");
        }
    }

    @Test
    void postsPastTheRateGet429WithRetryAfter() throws Exception {
        String address = "203.0.113.5";
        int status = untilRefused(s -> s == 429, () -> HTTP.send(HttpRequest.newBuilder(URI.create(server.url("up/job")))
                .header("Content-Type", "text/plain").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("hi")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(429, status);
    }

    @Test
    void moreStreamsThanTheBoundGet400OrClose1008() throws Exception {
        String four = "?stream=up/a&stream=up/b&stream=up/c&stream=up/d";
        HttpResponse<String> sse = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(four)))
                .header("X-Forwarded-For", "203.0.113.6").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, sse.statusCode());
        assertTrue(sse.body().contains("maxStreamsPerConnection=3"), sse.body());
        assertEquals(400, snapshot("203.0.113.7", "up/a" + four.replace("?stream=up/a&", "?")).statusCode(),
                "the path's stream counts too");
        try (WsTestClient ws = WsTestClient.open(server.wsUrl(four), Map.of("X-Forwarded-For", "203.0.113.8"))) {
            assertEquals(1008, ws.awaitClose(Duration.ofSeconds(10)));
        }
        try (SseTestClient three = SseTestClient.open(server.url("up/*?stream=up/b&stream=up/c"), Map.of("X-Forwarded-For", "203.0.113.9"))) {
            assertEquals(200, three.status(), "a wildcard counts as one");
            assertEquals(SseFrame.Kind.RETRY, three.next(Duration.ofSeconds(10)).kind());
        }
    }

    @Test
    void aWebSocketSendingFasterThanItsRateIsClosedWith1008() throws Exception {
        try (WsTestClient ws = WsTestClient.open(server.wsUrl("up/fast"), Map.of("X-Forwarded-For", "203.0.113.10"))) {
            for (int i = 0; i < 40 && !ws.isClosed(); i++) {
                try {
                    ws.send("message " + i);
                } catch (Exception closing) {
                    break;
                }
            }
            assertEquals(1008, ws.awaitClose(Duration.ofSeconds(10)));
        }
        try (WsTestClient ws = WsTestClient.open(server.wsUrl("up/slow"), Map.of("X-Forwarded-For", "203.0.113.11"))) {
            for (int i = 0; i < 5; i++) {
                ws.send("message " + i);
            }
            assertTrue(!ws.isClosed(), "five messages are within the burst of ten");
        }
    }

    @Test
    @Tag(VertxHost.TAG) // platform-http is Vert.x
    void headersOverMaxHeaderSizeGet431OnThePlatformHttpServer() throws Exception {
        try (PlatformHttpApp app = new PlatformHttpApp(Map.of("maxHeaderSize", "2048"))) {
            assertEquals(431, rawStatus(app.port(), "X-Padding: " + "x".repeat(3000)), "over the component's bound");
            assertEquals(431, rawStatus(app.port(), "X-Padding: " + "x".repeat(20_000)), "over the server's own bound");
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(app.url("up/x"))).header("Accept", "application/json")
                    .header("X-Padding", "x".repeat(1000)).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "within the bound: served (404, no such stream yet)");
        }
    }

    @Test
    void headersOverMaxHeaderSizeGet431OnTheOwnServer() throws Exception {
        assertEquals(431, rawStatus(server.port(), "X-Padding: " + "x".repeat(9000)));
    }

    /** The status of a GET with the extra header line, written on a plain socket so that no client limit applies. */
    private static int rawStatus(int port, String headerLine) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET /progress/up/x HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n" + headerLine + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return Integer.parseInt(line.toString(StandardCharsets.US_ASCII).split(" ")[1]);
        }
    }
}
