package io.camelprogress.springboot;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.WsTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tickets on the servlet host: {@code ticketSecret} from Spring's properties makes every stream private. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "camel.component.progress.ticket-secret=a test secret that is long enough for HMAC")
@Timeout(60)
class SpringBootTicketsTest extends SampleApplicationTestBase {

    private static final Map<String, String> SSE = Map.of("Accept", "text/event-stream");

    @Test
    void aTicketOpensItsStreamAndNoOther() throws Exception {
        String ticket = progress().tickets().issue(List.of("sb/job1"), Duration.ofMinutes(5));
        HttpResponse<String> none = get(url("sb/job1"), SSE);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), "the component's answer");
        assertEquals(403, get(url("sb/other?ticket=" + ticket), SSE).statusCode());
        try (SseTestClient client = SseTestClient.open(url("sb/job1?ticket=" + ticket))) {
            assertEquals(200, client.status());
            assertTrue(client.next(SseFrame::isEvent, WAIT).data().startsWith("{\"percent\":"));
        }
        try (SseTestClient client = SseTestClient.open(url("sb/job1"), Map.of("Authorization", "Bearer " + ticket))) {
            assertEquals(200, client.status());
        }
        try (WsTestClient ws = WsTestClient.open(wsUrl("sb/job1?ticket=" + ticket))) {
            assertEquals("sb/job1", ws.next(WAIT).get("stream").asText());
        }
    }
}
