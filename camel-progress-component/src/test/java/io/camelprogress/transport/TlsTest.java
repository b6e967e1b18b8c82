package io.camelprogress.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import io.camelprogress.testing.LibraryWsClient;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.TcpRelay;
import io.camelprogress.testing.TestKeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's own server over TLS: SSE over HTTP/1.1 and HTTP/2 (ALPN), many streams on one
 * HTTP/2 connection, WebSocket over HTTP/1.1 with TLS, and cleartext HTTP/2 (h2c) when enabled.
 */
@Timeout(120)
class TlsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static HttpClient client(HttpClient.Version version) throws Exception {
        return HttpClient.newBuilder().version(version).sslContext(TestKeyStore.clientContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String https(int port, String path) {
        return "https://127.0.0.1:" + port + "/progress/" + path;
    }

    @Test
    void sseOverTlsWithHttp11() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setSslContextParameters(parameters()));
             SseTestClient sse = SseTestClient.open(client(HttpClient.Version.HTTP_1_1), https(server.port(), "up/a"), Map.of(), 1000)) {
            assertEquals(200, sse.status());
            assertEquals(HttpClient.Version.HTTP_1_1, sse.response().version());
            String id = server.publish("a", "progress", "{\"percent\":7}");
            SseFrame event = sse.events(1, WAIT).get(0);
            assertEquals(id, event.id());
            assertEquals("{\"percent\":7}", event.data());
        }
    }

    @Test
    void aCleartextClientGetsNoAnswerFromTheTlsPort() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setSslContextParameters(parameters()))) {
            HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/progress/_client.js"))
                    .timeout(WAIT).build();
            assertThrows(java.io.IOException.class, () -> HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString()));
            HttpRequest untrusting = HttpRequest.newBuilder(URI.create(https(server.port(), "_client.js"))).timeout(WAIT).build();
            assertThrows(SSLHandshakeException.class,
                    () -> HttpClient.newHttpClient().send(untrusting, HttpResponse.BodyHandlers.ofString()),
                    "a client that does not trust the test key is refused: the key is the one served");
        }
    }

    @Test
    void twentySseStreamsShareOneHttp2Connection() throws Exception {
        int streams = 20;
        int events = 50;
        try (ProgressServer server = new ProgressServer(c -> c.setSslContextParameters(parameters()));
             TcpRelay relay = new TcpRelay(server.port())) {
            HttpClient h2 = client(HttpClient.Version.HTTP_2);
            List<SseTestClient> clients = new ArrayList<>();
            try {
                // the first stream sets up the connection, so the others find it there to share
                clients.add(SseTestClient.open(h2, https(relay.port(), "up/s0"), Map.of(), 10_000));
                for (int i = 1; i < streams; i++) {
                    clients.add(SseTestClient.open(h2, https(relay.port(), "up/s" + i), Map.of(), 10_000));
                }
                for (SseTestClient sse : clients) {
                    assertEquals(200, sse.status());
                    assertEquals(HttpClient.Version.HTTP_2, sse.response().version(), "h2 chosen through ALPN");
                }
                List<List<String>> published = new ArrayList<>();
                for (int i = 0; i < streams; i++) {
                    published.add(new ArrayList<>());
                }
                for (int n = 0; n < events; n++) {
                    for (int i = 0; i < streams; i++) {
                        published.get(i).add(server.publish("s" + i, "progress", "{\"stream\":" + i + ",\"n\":" + n + "}"));
                    }
                }
                for (int i = 0; i < streams; i++) {
                    List<SseFrame> got = clients.get(i).events(events, WAIT);
                    assertEquals(published.get(i), got.stream().map(SseFrame::id).toList(), "every event of stream s" + i + ", in order");
                    assertEquals("{\"stream\":" + i + ",\"n\":" + (events - 1) + "}", got.get(events - 1).data());
                }
                assertEquals(1, relay.accepted(), "TCP connections the client opened for " + streams + " streams");
            } finally {
                for (SseTestClient sse : clients) {
                    sse.close();
                }
            }
        }
    }

    @Test
    void aSameOriginPostOverHttp2IsAllowed() throws Exception {
        // a browser sends no Host header over HTTP/2: the origin is compared with :authority
        try (ProgressServer server = new ProgressServer(c -> c.setSslContextParameters(parameters()))) {
            server.context().addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("progress:up").to("mock:heard");
                }
            });
            java.net.http.HttpResponse<String> posted = client(HttpClient.Version.HTTP_2).send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(https(server.port(), "up/p"))).header("Origin", "https://127.0.0.1:" + server.port())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("cancel")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, posted.version());
            assertEquals(202, posted.statusCode(), posted.body());
        }
    }

    @Test
    void aReplayOverHttp2ComesInBatchesInOrder() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setSslContextParameters(parameters()))) {
            List<String> published = new ArrayList<>();
            for (int n = 0; n < 500; n++) {
                published.add(server.publish("r", "progress", "{\"n\":" + n + "}"));
            }
            // the retained events are read from the log and written many to a write
            try (SseTestClient sse = SseTestClient.open(client(HttpClient.Version.HTTP_2), https(server.port(), "up/r"), Map.of(), 1000)) {
                assertEquals(HttpClient.Version.HTTP_2, sse.response().version());
                assertEquals(published, sse.events(500, WAIT).stream().map(SseFrame::id).toList());
            }
        }
    }

    @Test
    void aStreamEndedOverHttp2LeavesTheOthersOnItsConnection() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setSslContextParameters(parameters()));
             TcpRelay relay = new TcpRelay(server.port())) {
            HttpClient h2 = client(HttpClient.Version.HTTP_2);
            try (SseTestClient staying = SseTestClient.open(h2, https(relay.port(), "up/stay"), Map.of(), 1000);
                 SseTestClient ending = SseTestClient.open(h2, https(relay.port(), "up/end"), Map.of(), 1000)) {
                server.publish("end", "done", "finished");
                ending.awaitEnd(WAIT);
                String id = server.publish("stay", "progress", "still here");
                assertEquals(id, staying.events(1, WAIT).get(0).id());
                assertEquals(1, relay.accepted());
            }
        }
    }

    @Test
    void webSocketOverTlsUsesHttp11() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setSslContextParameters(parameters()));
             LibraryWsClient ws = LibraryWsClient.open("wss://127.0.0.1:" + server.port() + "/progress/up/w", TestKeyStore.clientContext())) {
            // the handshake is answered once the subscription is in place; an event published now is live
            String id = server.publish("w", "progress", "{\"percent\":1}");
            var frame = ws.next(WAIT);
            assertEquals(id, frame.get("id").asText());
            assertEquals(1, frame.get("data").get("percent").asInt());
        }
    }

    @Test
    void cleartextHttp2OnlyWhenEnabled() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        try (ProgressServer server = new ProgressServer(c -> c.setHttp2ClearText(true));
             SseTestClient sse = SseTestClient.open(h2, server.url("up/c"), Map.of(), 1000)) {
            assertEquals(HttpClient.Version.HTTP_2, sse.response().version(), "upgraded to h2c");
            String id = server.publish("c", "progress", "over h2c");
            assertEquals(id, sse.events(1, WAIT).get(0).id());
        }
        try (ProgressServer server = new ProgressServer();
             SseTestClient sse = SseTestClient.open(h2, server.url("up/c"), Map.of(), 1000)) {
            assertEquals(HttpClient.Version.HTTP_1_1, sse.response().version(), "h2c is off by default");
            String id = server.publish("c", "progress", "over HTTP/1.1");
            assertEquals(id, sse.events(1, WAIT).get(0).id());
        }
    }

    @Test
    void askingForTheGlobalParametersWhenThereAreNoneFailsTheStart() {
        Exception e = assertThrows(Exception.class, () -> new ProgressServer(c -> c.setUseGlobalSslContextParameters(true)).close());
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("useGlobalSslContextParameters is true but the CamelContext has no SSLContextParameters"),
                cause.getMessage());
    }

    private static org.apache.camel.support.jsse.SSLContextParameters parameters() {
        try {
            return TestKeyStore.serverParameters();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
