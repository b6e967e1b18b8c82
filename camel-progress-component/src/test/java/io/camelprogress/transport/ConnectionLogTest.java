package io.camelprogress.transport;

import java.time.Duration;
import java.util.List;

import io.camelprogress.testing.Await;
import io.camelprogress.testing.CapturedLogs;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.SseTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A connection's DEBUG lines carry its key and streams in the MDC, the same key from open to close. */
@Timeout(30)
class ConnectionLogTest {

    @RegisterExtension
    final CapturedLogs logs = CapturedLogs.capture();

    @Test
    void openAndCloseAreLoggedWithTheConnectionAndStreamInTheMdc() throws Exception {
        try (ProgressServer server = new ProgressServer()) {
            server.publish("logged", null, "x");
            try (SseTestClient client = SseTestClient.open(server.url("up/logged"))) {
                client.events(1, Duration.ofSeconds(10));
            }
            Await.until(() -> logs.events().stream().anyMatch(l -> l.message().endsWith(" closed")), Duration.ofSeconds(10),
                    "the close to be logged");
        }
        List<CapturedLogs.Line> lines = logs.events().stream().filter(l -> l.mdc().containsKey(ConnectionLog.CONNECTION)).toList();
        CapturedLogs.Line opened = lines.stream().filter(l -> l.message().contains("subscribed to up/logged")).findFirst().orElseThrow();
        CapturedLogs.Line closed = lines.stream().filter(l -> l.message().endsWith(" closed")).findFirst().orElseThrow();
        assertEquals("up/logged", opened.mdc().get(ConnectionLog.STREAM));
        assertEquals(opened.mdc().get(ConnectionLog.CONNECTION), closed.mdc().get(ConnectionLog.CONNECTION));
        assertTrue(opened.message().startsWith("sse connection " + opened.mdc().get(ConnectionLog.CONNECTION)), opened.message());
    }
}
