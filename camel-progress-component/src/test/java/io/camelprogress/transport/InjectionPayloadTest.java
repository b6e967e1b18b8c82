package io.camelprogress.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.testing.LongPollTestClient;
import io.camelprogress.testing.OkSseListener;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.WsTestClient;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A payload that tries to forge SSE fields (blank lines, {@code data:}, {@code id:}, {@code event:}
 * after CR, LF and CRLF) plus U+2028 and NUL arrives as one event with its own id and name on every
 * transport: its exact text over WebSocket, long-poll and snapshot and, as JSON, over SSE too; a
 * text payload over SSE has its line breaks as SSE defines them, each CR, LF or CRLF one LF.
 */
@Timeout(60)
class InjectionPayloadTest {

    private static final String HOSTILE = "first line\n\ndata: injected\r\nid: 666\revent: done\r\rretry: 1\n: comment\u2028after U+2028"
                                          + " and NUL \u0000 end";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static ProgressServer server;
    private static String textId;
    private static String jsonId;

    @BeforeAll
    static void start() throws Exception {
        server = new ProgressServer();
        textId = server.publish("text", null, HOSTILE);
        jsonId = server.publish("json", null, Map.of("text", HOSTILE));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void overSseItIsOneEventWithItsOwnIdAndName() throws Exception {
        OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
        try {
            for (String stream : List.of("text", "json")) {
                OkSseListener listener = new OkSseListener();
                var source = EventSources.createFactory(client).newEventSource(new Request.Builder().url(server.url("up/" + stream)).build(),
                        listener);
                OkSseListener.Received event = listener.take(1).get(0);
                source.cancel();
                assertEquals("progress", event.type(), "the payload's 'event: done' stays data");
                assertEquals(stream.equals("text") ? textId : jsonId, event.id(), "the payload's 'id: 666' stays data");
                if (stream.equals("text")) {
                    assertEquals(HOSTILE.replace("\r\n", "\n").replace('\r', '\n'), event.data());
                } else {
                    assertEquals(HOSTILE, JSON.readTree(event.data()).get("text").asText(), "a JSON payload keeps every character");
                }
                assertTrue(listener.events.isEmpty(), "and nothing else: " + listener.events);
            }
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Test
    void overWebSocketItIsTheExactText() throws Exception {
        try (WsTestClient text = WsTestClient.open(server.wsUrl("up/text")); WsTestClient json = WsTestClient.open(server.wsUrl("up/json"))) {
            JsonNode t = text.next(WAIT);
            assertEquals(HOSTILE, t.get("data").asText());
            assertEquals(textId, t.get("id").asText());
            assertEquals("progress", t.get("event").asText());
            assertEquals(HOSTILE, json.next(WAIT).get("data").get("text").asText());
        }
    }

    @Test
    void overLongPollAndSnapshotItIsTheExactText() throws Exception {
        JsonNode polled = LongPollTestClient.poll(server.url("up/text"), "", 0).body().get("events");
        assertEquals(1, polled.size());
        assertEquals(HOSTILE, polled.get(0).get("data").asText());
        assertEquals(HOSTILE, LongPollTestClient.poll(server.url("up/json"), "", 0).body().get("events").get(0).get("data").get("text")
                .asText());
        HttpResponse<String> snapshot = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("up/text")))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(snapshot.body().contains(JSON.writeValueAsString(HOSTILE)), snapshot.body());
    }
}
