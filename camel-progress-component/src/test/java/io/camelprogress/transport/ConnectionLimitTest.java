package io.camelprogress.transport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelprogress.testing.Await;
import io.camelprogress.testing.ChunkedBody;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connection bounds: past them a client gets 200, a long retry and the end of the response (never
 * 503 or 429, which would stop EventSource for good), and the place frees when a client leaves.
 */
@Timeout(30)
class ConnectionLimitTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static void assertTurnedAway(SseTestClient client) throws InterruptedException {
        assertEquals(200, client.status());
        assertEquals("text/event-stream;charset=utf-8", client.response().headers().firstValue("content-type").orElseThrow().replace("; ", ";"));
        SseFrame retry = client.next(WAIT);
        assertEquals(SseFrame.Kind.RETRY, retry.kind());
        long millis = Long.parseLong(retry.data());
        assertTrue(millis >= 16_000 && millis <= 24_000, "overload retry with jitter: " + millis);
        assertEquals(SseFrame.Kind.END, client.next(WAIT).kind());
    }

    @Test
    void maxConnections() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> {
            c.setMaxConnections(2);
            c.setOverloadRetryInterval(20_000);
            // a servlet container notices a client gone only when it writes to it: the heartbeat does
            c.setHeartbeatInterval(300);
        })) {
            try (SseTestClient a = SseTestClient.open(server.url("up/a")); SseTestClient b = SseTestClient.open(server.url("up/b"))) {
                assertEquals(SseFrame.Kind.RETRY, a.next(WAIT).kind());
                assertEquals(SseFrame.Kind.RETRY, b.next(WAIT).kind());
                try (SseTestClient third = SseTestClient.open(server.url("up/c"))) {
                    assertTurnedAway(third);
                }
                server.publish("a", null, "the held connections keep working");
                assertEquals("the held connections keep working", a.events(1, WAIT).get(0).data());
            }
            Await.until(() -> server.component().hub().subscriptions().isEmpty(), WAIT, "closed connections to be released");
            try (SseTestClient again = SseTestClient.open(server.url("up/c"))) {
                server.publish("c", null, "room again");
                assertEquals("room again", again.events(1, WAIT).get(0).data());
            }
        }
    }

    @Test
    void maxConnectionsPerAddress() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> {
            c.setMaxConnectionsPerAddress(1);
            c.setOverloadRetryInterval(20_000);
        })) {
            try (SseTestClient first = SseTestClient.open(server.url("up/a"))) {
                assertEquals(SseFrame.Kind.RETRY, first.next(WAIT).kind());
                try (SseTestClient second = SseTestClient.open(server.url("up/a"))) {
                    assertTurnedAway(second);
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void twoThousandConnectionsFromOneAddressAreAllServedWithTheDefaults() throws Exception {
        int clients = 2_000;
        try (ProgressServer server = new ProgressServer(c -> { })) {
            List<Socket> sockets = new ArrayList<>(clients);
            try {
                for (int i = 0; i < clients; i++) {
                    Socket socket = new Socket("127.0.0.1", server.port());
                    socket.setSoTimeout(10_000);
                    sockets.add(socket);
                    socket.getOutputStream().write(("GET /progress/up/crowd HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                Await.until(() -> server.component().hub().subscriptions().size() == clients, Duration.ofSeconds(60),
                        "every connection subscribed");
                server.publish("crowd", null, "to every one of them");
                for (Socket socket : sockets) {
                    assertTrue(readUntil(socket, "data: to every one of them"), "a connection got the event");
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void behindATrustedProxyThePerAddressBoundCountsTheForwardedAddress() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> {
            c.setMaxConnectionsPerAddress(2);
            c.setTrustedProxies("127.0.0.0/8, ::1");
            c.setOverloadRetryInterval(20_000);
        })) {
            Map<String, String> browserA = Map.of("X-Forwarded-For", "203.0.113.7");
            try (SseTestClient a1 = SseTestClient.open(server.url("up/p"), browserA);
                 SseTestClient a2 = SseTestClient.open(server.url("up/p"), Map.of("Forwarded", "for=203.0.113.7;proto=https"));
                 SseTestClient b = SseTestClient.open(server.url("up/p"), Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.8"))) {
                assertEquals(SseFrame.Kind.RETRY, a1.next(WAIT).kind());
                assertEquals(SseFrame.Kind.RETRY, a2.next(WAIT).kind());
                assertEquals(SseFrame.Kind.RETRY, b.next(WAIT).kind(), "another browser behind the same proxy is served");
                try (SseTestClient a3 = SseTestClient.open(server.url("up/p"), browserA)) {
                    assertTurnedAway(a3);
                }
            }
        }
    }

    @Test
    void forwardedAddressesFromAnUntrustedPeerAreIgnored() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> {
            c.setMaxConnectionsPerAddress(1);
            c.setTrustedProxies("192.0.2.1");
            c.setOverloadRetryInterval(20_000);
        })) {
            try (SseTestClient first = SseTestClient.open(server.url("up/q"), Map.of("X-Forwarded-For", "203.0.113.1"))) {
                assertEquals(SseFrame.Kind.RETRY, first.next(WAIT).kind());
                try (SseTestClient spoofing = SseTestClient.open(server.url("up/q"), Map.of("X-Forwarded-For", "203.0.113.2"))) {
                    assertTurnedAway(spoofing);
                }
            }
        }
    }

    private static boolean readUntil(Socket socket, String line) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(new ChunkedBody(socket.getInputStream()), StandardCharsets.UTF_8));
        for (String read; (read = in.readLine()) != null; ) {
            if (read.equals(line)) {
                return true;
            }
        }
        return false;
    }
}
