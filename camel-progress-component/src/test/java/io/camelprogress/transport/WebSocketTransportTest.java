package io.camelprogress.transport;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.event.Event;
import io.camelprogress.testing.Await;
import io.camelprogress.testing.LibraryWsClient;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.VertxHost;
import io.camelprogress.testing.WsTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebSocket on the same URL as SSE, with the JDK client and with the independent Java-WebSocket library. */
@Timeout(30)
class WebSocketTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgressServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ProgressServer(c -> {
            c.setMaxEventsPerStream(10);
            c.setHeartbeatInterval(200);
            c.setPongTimeout(300);
            c.setMaxUpstreamMessageSize(100);
            c.setAllowedOrigins("https://app.example.com");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void liveEventsAsJsonFramesWithJsonDataEmbedded() throws Exception {
        try (WsTestClient client = WsTestClient.open(server.wsUrl("up/w1"))) {
            Await.until(() -> server.component().hub().subscriptions().size() == 1, WAIT, "the subscription");
            String id1 = server.publish("w1", null, Map.of("percent", 30));
            String id2 = server.publish("w1", "note", "plain \"text\"\nline");
            String id3 = server.publish("w1", null, "{\"already\":\"json\"}");
            List<JsonNode> frames = client.next(3, WAIT);
            assertEquals(JSON.readTree("{\"id\":\"" + id1 + "\",\"event\":\"progress\",\"stream\":\"up/w1\",\"data\":{\"percent\":30}}"), frames.get(0));
            assertEquals(JSON.readTree("{\"id\":\"" + id2 + "\",\"event\":\"note\",\"stream\":\"up/w1\",\"data\":\"plain \\\"text\\\"\\nline\"}"), frames.get(1));
            assertEquals("json", frames.get(2).get("data").get("already").asText());
            assertEquals(id3, frames.get(2).get("id").asText());
        }
    }

    @Test
    @Tag(VertxHost.TAG) // the Vert.x host writes the shared frame below the encoder; the servlet host goes through Jakarta WebSocket
    void everySubscriberIsWrittenTheOneSharedFrameOfAnEvent() throws Exception {
        List<WsTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                clients.add(WsTestClient.open(server.wsUrl("up/shared")));
            }
            Await.until(() -> server.component().hub().subscriptions().size() == 20, WAIT, "20 subscriptions");
            server.publish("shared", null, Map.of("percent", 7));
            for (WsTestClient client : clients) {
                assertEquals(7, client.next(WAIT).get("data").get("percent").asInt());
            }
            Event event = server.component().hub().snapshot(List.of("up/shared")).get(0).lastEvent();
            // encoded once on the event, written as is below the frame encoder: not a text message per subscriber
            assertTrue(event.webSocketFrameEncoded(), "the event's shared frame was what the subscribers were written");
        } finally {
            for (WsTestClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void resetAfterAGapThenRetainedEventsThenClose1000AfterDone() throws Exception {
        String[] ids = new String[40];
        for (int i = 0; i < 40; i++) {
            ids[i] = server.publish("w2", null, "e" + i);
        }
        try (WsTestClient client = WsTestClient.open(server.wsUrl("up/w2?lastEventId=" + ids[5]))) {
            JsonNode reset = client.next(WAIT);
            assertEquals("reset", reset.get("event").asText());
            assertEquals("gap", reset.get("data").get("reason").asText());
            assertEquals("up/w2", reset.get("data").get("streams").get(0).asText());
            List<JsonNode> retained = client.next(10, WAIT);
            assertEquals("e30", retained.get(0).get("data").asText());
            assertEquals(ids[39], retained.get(9).get("id").asText());
            server.publish("w2", "done", "finished");
            assertEquals("done", client.next(WAIT).get("event").asText());
            assertEquals(1000, client.awaitClose(WAIT));
        }
    }

    @Test
    void independentClientLibraryReadsResumesSeesAGapAndTheEnd() throws Exception {
        String first = server.publish("w3", null, "one");
        server.publish("w3", null, "two");
        String gapped = server.publish("w4", null, "old");
        for (int i = 0; i < 20; i++) {
            server.publish("w4", null, "new" + i);
        }
        try (LibraryWsClient behind = LibraryWsClient.open(server.wsUrl("up/w4?lastEventId=" + gapped))) {
            JsonNode reset = behind.next(WAIT);
            assertEquals("reset", reset.get("event").asText());
            assertEquals("gap", reset.get("data").get("reason").asText());
            assertEquals("new10", behind.next(WAIT).get("data").asText());
        }
        try (LibraryWsClient client = LibraryWsClient.open(server.wsUrl("up/w3?lastEventId=" + first))) {
            assertEquals("two", client.next(WAIT).get("data").asText());
            server.publish("w3", "done", "end");
            assertEquals("end", client.next(WAIT).get("data").asText());
            assertEquals(1000, client.awaitClose(WAIT));
        }
    }

    @Test
    void manyStreamsOnOneWebSocketWithOneCursor() throws Exception {
        String first = server.publish("m1", null, "m1-a");
        server.publish("m2", null, "m2-a");
        server.publish("m3", null, "not selected");
        try (WsTestClient client = WsTestClient.open(server.wsUrl("?stream=up/m1&stream=up/m2&lastEventId=" + first))) {
            assertEquals("m2-a", client.next(WAIT).get("data").asText());
            server.publish("m1", null, "m1-b");
            List<JsonNode> live = client.next(1, WAIT);
            assertEquals("up/m1", live.get(0).get("stream").asText());
            assertEquals("m1-b", live.get(0).get("data").asText());
        }
    }

    @Test
    void crossOriginHandshakeIsRefusedUnlessAllowed() throws Exception {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> WsTestClient.open(server.wsUrl("up/o"), Map.of("Origin", "https://evil.example.net")));
        assertInstanceOf(java.net.http.WebSocketHandshakeException.class, refused.getCause());
        assertEquals(403, ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        try (WsTestClient allowed = WsTestClient.open(server.wsUrl("up/o"), Map.of("Origin", "https://app.example.com"));
             WsTestClient same = WsTestClient.open(server.wsUrl("up/o"), Map.of("Origin", "http://127.0.0.1:" + server.port()))) {
            server.publish("o", null, "hi");
            assertEquals("hi", allowed.next(WAIT).get("data").asText());
            assertEquals("hi", same.next(WAIT).get("data").asText());
        }
    }

    @Test
    void oversizedUpstreamMessageClosesWith1009() throws Exception {
        try (WsTestClient client = WsTestClient.open(server.wsUrl("up/big"))) {
            client.send("x".repeat(101));
            assertEquals(1009, client.awaitClose(WAIT));
        }
        Await.until(() -> server.component().hub().subscriptions().isEmpty(), WAIT, "the subscription to be released");
    }

    @Test
    void peerThatStopsAnsweringPingsIsClosedAndReleased() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /progress/up/silent HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            assertEquals(12, in.readNBytes(head, 0, 12));
            assertEquals("HTTP/1.1 101", new String(head, StandardCharsets.US_ASCII));
            Await.until(() -> server.component().hub().subscriptions().size() == 1, WAIT, "the subscription");
            long start = System.nanoTime();
            // the peer reads nothing and answers no ping: heartbeat 200 ms + pong timeout 300 ms
            Await.until(() -> server.component().hub().subscriptions().isEmpty(), WAIT, "the silent peer to be dropped");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 3000, "dropped after " + millis + " ms");
            assertEquals(0, server.component().connections().size());
        }
    }

    @Test
    void binaryFramesAreRefused() throws Exception {
        try (WsTestClient client = WsTestClient.open(server.wsUrl("up/bin"))) {
            client.sendBinary(new byte[] { 1, 2, 3 });
            assertEquals(1003, client.awaitClose(WAIT));
            assertFalse(client.poll() != null);
        }
    }
}
