package io.camelprogress.transport;

import java.time.Duration;

import io.camelprogress.testing.Await;
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
        assertEquals("text/event-stream; charset=utf-8", client.response().headers().firstValue("content-type").orElseThrow());
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
}
