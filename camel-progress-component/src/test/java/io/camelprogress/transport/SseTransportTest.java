package io.camelprogress.transport;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SSE over loopback with the JDK HttpClient, on the component's own Vert.x server. */
@Timeout(30)
class SseTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ProgressServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ProgressServer(c -> {
            c.setMaxEventsPerStream(10);
            c.setHeartbeatInterval(300);
            c.setRetryInterval(1000);
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void liveEventsWithHeadersAndRetry() throws Exception {
        try (SseTestClient client = SseTestClient.open(server.url("up/job1"))) {
            assertEquals(200, client.status());
            var headers = client.response().headers();
            // as a media type: servlet containers write it without the optional space before the parameter
            assertEquals("text/event-stream;charset=utf-8", headers.firstValue("content-type").orElseThrow().replace("; ", ";"));
            assertEquals("no-cache", headers.firstValue("cache-control").orElseThrow());
            assertEquals("no", headers.firstValue("x-accel-buffering").orElseThrow());
            SseFrame retry = client.next(WAIT);
            assertEquals(SseFrame.Kind.RETRY, retry.kind());
            long retryMillis = Long.parseLong(retry.data());
            assertTrue(retryMillis >= 800 && retryMillis <= 1200, "retry with jitter: " + retryMillis);

            String id1 = server.publish("job1", null, "first");
            String id2 = server.publish("job1", "stage", "line one\nline two");
            server.publish("other", null, "not for this client");
            List<SseFrame> events = client.events(2, WAIT);
            assertEquals(new SseFrame(SseFrame.Kind.EVENT, id1, "progress", "first"), events.get(0));
            assertEquals(new SseFrame(SseFrame.Kind.EVENT, id2, "stage", "line one\nline two"), events.get(1));
        }
    }

    @Test
    void heartbeatWhenIdle() throws Exception {
        try (SseTestClient client = SseTestClient.open(server.url("up/quiet"))) {
            SseFrame hb = client.next(f -> f.kind() == SseFrame.Kind.COMMENT, WAIT);
            assertEquals("hb", hb.data());
        }
    }

    @Test
    void resumeWithLastEventIdHeaderAndQueryParameter() throws Exception {
        String a = server.publish("job2", null, "a");
        server.publish("job2", null, "b");
        server.publish("job2", null, "c");
        try (SseTestClient client = SseTestClient.open(server.url("up/job2"), Map.of("Last-Event-ID", a))) {
            assertEquals(List.of("b", "c"), client.events(2, WAIT).stream().map(SseFrame::data).toList());
        }
        try (SseTestClient client = SseTestClient.open(server.url("up/job2?lastEventId=" + a))) {
            assertEquals(List.of("b", "c"), client.events(2, WAIT).stream().map(SseFrame::data).toList());
        }
    }

    @Test
    void malformedLastEventIdCountsAsNone() throws Exception {
        server.publish("job3", null, "a");
        try (SseTestClient client = SseTestClient.open(server.url("up/job3"), Map.of("Last-Event-ID", "not an id"))) {
            assertEquals(200, client.status());
            assertEquals("a", client.events(1, WAIT).get(0).data());
        }
    }

    @Test
    void gapGivesResetThenRetainedEvents() throws Exception {
        String[] ids = new String[60];
        for (int i = 0; i < 60; i++) {
            ids[i] = server.publish("gap", null, "e" + i);
        }
        try (SseTestClient client = SseTestClient.open(server.url("up/gap"), Map.of("Last-Event-ID", ids[9]))) {
            List<SseFrame> events = client.events(11, WAIT);
            assertEquals("reset", events.get(0).event());
            assertNull(events.get(0).id());
            assertEquals("{\"streams\":[\"up/gap\"],\"reason\":\"gap\"}", events.get(0).data());
            for (int i = 0; i < 10; i++) {
                assertEquals("e" + (50 + i), events.get(i + 1).data());
                assertEquals(ids[50 + i], events.get(i + 1).id());
            }
        }
    }

    @Test
    void idFromBeforeARestartGetsAnEpochReset() throws Exception {
        String before = server.publish("epoch", null, "before restart");
        server.close();
        server = new ProgressServer();
        String after = server.publish("epoch", null, "after restart");
        try (SseTestClient client = SseTestClient.open(server.url("up/epoch"), Map.of("Last-Event-ID", before))) {
            List<SseFrame> events = client.events(2, WAIT);
            assertEquals("reset", events.get(0).event());
            assertEquals("{\"streams\":[\"up/epoch\"],\"reason\":\"epoch\"}", events.get(0).data());
            assertEquals(after, events.get(1).id());
        }
    }

    @Test
    void terminalEventEndsTheResponseAndReconnectGets204() throws Exception {
        String last;
        try (SseTestClient client = SseTestClient.open(server.url("up/job4"))) {
            server.publish("job4", null, "working");
            last = server.publish("job4", "done", "{\"ok\":true}");
            List<SseFrame> events = client.events(2, WAIT);
            assertEquals("done", events.get(1).event());
            assertEquals(last, events.get(1).id());
            client.awaitEnd(WAIT);
        }
        try (SseTestClient client = SseTestClient.open(server.url("up/job4"), Map.of("Last-Event-ID", last))) {
            assertEquals(204, client.status());
        }
        try (SseTestClient fresh = SseTestClient.open(server.url("up/job4"))) {
            List<SseFrame> events = fresh.events(2, WAIT);
            assertEquals("working", events.get(0).data());
            assertEquals("done", events.get(1).event());
            fresh.awaitEnd(WAIT);
        }
    }

    @Test
    void badStreamNameIs400WithAReason() throws Exception {
        HttpResponse<String> response = get(server.url("up/a%20b"), "text/event-stream");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().startsWith("Invalid stream 'up/a%20b': stream name has a character outside"), response.body());
        assertEquals(400, get(server.url("up//x"), "text/event-stream").statusCode());
        assertEquals(400, get(server.url("?stream=" + "a".repeat(201)), "text/event-stream").statusCode());
        assertEquals(400, get("http://127.0.0.1:" + server.port() + "/progress", "text/event-stream").statusCode());
        assertEquals(404, get(server.url("_reserved"), "*/*").statusCode(), "names starting with _ are the server's");
    }

    @Test
    void malformedEscapesInTheQueryAre400NotAServerError() throws Exception {
        for (String query : List.of("up/a?after=%", "up/a?stream=bars/%zz", "up/a?lastEventId=%4", "?stream=up/a&timeout=%G1")) {
            // a raw request: the JDK's URI refuses to carry a malformed escape, as a hostile client would not
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET /progress/" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400 "), query + ": " + answer);
                if (server.host().refusesMalformedQueriesItself()) {
                    continue;
                }
                assertTrue(answer.endsWith("\r\n\r\nMalformed query string: a %-escape is not two hexadecimal digits\n"), query + ": " + answer);
            }
        }
    }

    @Test
    void manyStreamsOnOneConnectionShareOneCursor() throws Exception {
        String first = server.publish("m1", null, "m1-a");
        server.publish("m2", null, "m2-a");
        server.publish("m3", null, "m3-a");
        server.publish("m1", null, "m1-b");
        try (SseTestClient client = SseTestClient.open(server.url("?stream=up/m1&stream=up/m2"), Map.of("Last-Event-ID", first))) {
            assertEquals(List.of("m2-a", "m1-b"), client.events(2, WAIT).stream().map(SseFrame::data).toList());
            server.publish("m3", null, "not selected");
            server.publish("m2", null, "m2-b");
            assertEquals("m2-b", client.events(1, WAIT).get(0).data());
        }
    }

    @Test
    void wholeChannelSeesStreamsThatAppearLater() throws Exception {
        server.publish("w1", null, "before");
        try (SseTestClient client = SseTestClient.open(server.url("up/*"))) {
            assertEquals("before", client.events(1, WAIT).get(0).data());
            server.publish("w2", null, "new stream");
            server.publish("w1", "done", "w1 ends, the channel goes on");
            server.publish("w3", null, "after");
            assertEquals(List.of("new stream", "w1 ends, the channel goes on", "after"),
                    client.events(3, WAIT).stream().map(SseFrame::data).toList());
        }
    }

    @Test
    void snapshotGivesLatestPerEventNameLastIdAndCompleted() throws Exception {
        server.publish("snap", null, "{\"percent\":10}");
        server.publish("snap", null, "{\"percent\":60}");
        server.publish("snap", "stage", "scanning");
        HttpResponse<String> open = get(server.url("up/snap"), "application/json");
        assertEquals(200, open.statusCode());
        assertTrue(open.body().contains("\"completed\":false"), open.body());
        assertTrue(open.body().contains("\"progress\":{\"id\":"), open.body());
        assertTrue(open.body().contains("\"data\":{\"percent\":60}"), "JSON text is embedded as JSON: " + open.body());
        String last = server.publish("snap", "done", "finished");
        HttpResponse<String> done = get(server.url("up/snap"), "application/json");
        assertTrue(done.body().startsWith("{\"stream\":\"up/snap\",\"lastEventId\":\"" + last + "\",\"completed\":true,\"events\":{"), done.body());
        assertTrue(done.body().contains("\"stage\":{\"id\":"), done.body());
        assertEquals(404, get(server.url("up/unknown"), "application/json").statusCode());
        HttpResponse<String> channel = get(server.url("up/*"), "application/json");
        assertTrue(channel.body().startsWith("{\"streams\":[{\"stream\":\"up/snap\""), channel.body());
    }

    @Test
    void headersOverTheBoundGet431() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("up/big")))
                .header("Accept", "text/event-stream").header("X-Padding", "x".repeat(9000)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(431, response.statusCode());
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("up/x")))
                .POST(HttpRequest.BodyPublishers.ofString("hi")).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        assertEquals("GET", response.headers().firstValue("allow").orElseThrow());
    }

    static HttpResponse<String> get(String url, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
