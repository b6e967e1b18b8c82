package io.camelprogress.springboot;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelprogress.component.ProgressComponent;
import io.camelprogress.testing.OkSseListener;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.WsTestClient;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot application on Tomcat with the starter: the streams are on {@code server.port}
 * under the basePath of application.properties, its heartbeatInterval applies, and the component
 * opens no port of its own.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(60)
class SpringBootHostTest extends SampleApplicationTestBase {

    @Test
    void jdkHttpClientReadsTheTimerRouteOnServerPort() throws Exception {
        try (SseTestClient client = SseTestClient.open(url("sb/job1"))) {
            assertEquals(200, client.status());
            SseFrame event = client.next(SseFrame::isEvent, WAIT);
            assertTrue(event.data().startsWith("{\"percent\":"), event.data());
            assertNotNull(event.id());
        }
    }

    @Test
    void okHttpEventSourceReadsAndResumes() throws Exception {
        OkHttpClient ok = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
        OkSseListener first = new OkSseListener();
        EventSource source = EventSources.createFactory(ok).newEventSource(new Request.Builder().url(url("sb/job1")).build(), first);
        List<OkSseListener.Received> two = first.take(2);
        source.cancel();
        OkSseListener resumed = new OkSseListener();
        EventSource again = EventSources.createFactory(ok).newEventSource(
                new Request.Builder().url(url("sb/job1")).header("Last-Event-ID", two.get(0).id()).build(), resumed);
        // resumed after the first: the second comes again, the very next one
        assertEquals(two.get(1).id(), resumed.take(1).get(0).id());
        again.cancel();
        ok.dispatcher().executorService().shutdown();
    }

    @Test
    void webSocketOnTheSameUrl() throws Exception {
        try (WsTestClient ws = WsTestClient.open(wsUrl("sb/job1"))) {
            JsonNode frame = ws.next(WAIT);
            assertEquals("sb/job1", frame.get("stream").asText());
            assertTrue(frame.get("data").has("percent"), frame.toString());
        }
    }

    @Test
    void heartbeatIntervalFromApplicationProperties() throws Exception {
        try (SseTestClient client = SseTestClient.open(url("sb/quiet"))) {
            long start = System.nanoTime();
            SseFrame heartbeat = client.next(f -> f.kind() == SseFrame.Kind.COMMENT, Duration.ofSeconds(5));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("hb", heartbeat.data().trim());
            assertTrue(millis < 3000, "first heartbeat after " + millis + " ms; heartbeatInterval=1s");
        }
        assertEquals(1000, progress().getHeartbeatInterval());
    }

    @Test
    void servedOnTheApplicationsPortOnly() throws Exception {
        ProgressComponent progress = progress();
        assertTrue(progress.httpHost().attachedToPlatformHttp());
        assertEquals(-1, progress.httpHost().port());
        assertEquals("/live on the servlet container", progress.httpHost().where());
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", 8085), 1000);
            }
        }, "something listens on 8085");
        assertEquals(404, get("http://127.0.0.1:" + port + "/progress/sb/job1", Map.of()).statusCode(), "the default basePath is not served");
    }

    @Test
    void springSecurityRefusesAnUnauthenticatedReaderAndLetsAUserStream() throws Exception {
        HttpResponse<String> refused = get(url("private/job1"), Map.of("Accept", "application/json"));
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), "Spring's answer, not the component's");
        String basic = "Basic " + Base64.getEncoder().encodeToString("ann:secret".getBytes(StandardCharsets.UTF_8));
        try (SseTestClient client = SseTestClient.open(url("private/job1"), Map.of("Authorization", basic))) {
            assertEquals(200, client.status());
            assertTrue(client.next(SseFrame::isEvent, WAIT).data().startsWith("{\"percent\":"));
        }
    }

    @Test
    void postReachesTheChannelsRouteAndGetsItsAnswer() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("sb/job1")))
                .header("Content-Type", "text/plain").timeout(WAIT).POST(HttpRequest.BodyPublishers.ofString("cancel")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode());
        assertEquals("heard cancel from job1", answer.body());
    }

    @Test
    void snapshotAndLongPoll() throws Exception {
        HttpResponse<String> snapshot = get(url("sb/job1"), Map.of("Accept", "application/json"));
        assertEquals(200, snapshot.statusCode());
        assertTrue(snapshot.body().contains("\"stream\":\"sb/job1\""), snapshot.body());
        HttpResponse<String> poll = get(url("sb/job1?after=&timeout=5"), Map.of("Accept", "application/json"));
        assertEquals(200, poll.statusCode());
        assertTrue(poll.body().startsWith("{\"events\":[{"), poll.body());
        assertFalse(poll.body().contains("\"events\":[]"), poll.body());
    }
}
