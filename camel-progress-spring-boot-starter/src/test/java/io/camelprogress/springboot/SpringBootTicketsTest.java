package io.camelprogress.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.WsTestClient;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tickets on the servlet host: {@code ticketSecret} from Spring's properties makes every stream private. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "camel.component.progress.ticket-secret=a test secret that is long enough for HMAC")
@Timeout(60)
class SpringBootTicketsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camelContext;

    @Test
    void aTicketOpensItsStreamAndNoOther() throws Exception {
        ProgressComponent progress = camelContext.getComponent("progress", ProgressComponent.class);
        String ticket = progress.tickets().issue(List.of("sb/job1"), Duration.ofMinutes(5));
        HttpResponse<String> none = get("sb/job1");
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), "the component's answer");
        assertEquals(403, get("sb/other?ticket=" + ticket).statusCode());
        try (SseTestClient client = SseTestClient.open(url("sb/job1?ticket=" + ticket))) {
            assertEquals(200, client.status());
            assertTrue(client.next(SseFrame::isEvent, WAIT).data().startsWith("{\"percent\":"));
        }
        try (SseTestClient client = SseTestClient.open(url("sb/job1"), Map.of("Authorization", "Bearer " + ticket))) {
            assertEquals(200, client.status());
        }
        try (WsTestClient ws = WsTestClient.open("ws://127.0.0.1:" + port + "/live/sb/job1?ticket=" + ticket)) {
            assertEquals("sb/job1", ws.next(WAIT).get("stream").asText());
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + "/live/" + path;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/event-stream").timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
