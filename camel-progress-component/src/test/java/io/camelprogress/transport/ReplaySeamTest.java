package io.camelprogress.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import io.camelprogress.event.EventId;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay seam: while a publisher sends 10,000 events, a client drops its connection again and
 * again and resumes with its last id. It must end with every event exactly once, in order.
 */
@Timeout(120)
class ReplaySeamTest {

    private static final int EVENTS = 10_000;
    private static final int WINDOW = 500;

    @Test
    void everyEventExactlyOnceAcrossReconnects() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setMaxEventsPerStream(2 * WINDOW))) {
            // the publisher stays at most a window ahead of the reader, so that it is still publishing
            // through every reconnect instead of finishing before the client's first drop
            Semaphore window = new Semaphore(WINDOW);
            CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    window.acquireUninterruptibly();
                    server.publish("seam", i == EVENTS - 1 ? "done" : null, Integer.toString(i));
                }
            });
            List<Integer> received = new ArrayList<>(EVENTS);
            List<Long> sequences = new ArrayList<>(EVENTS);
            String lastId = null;
            int connections = 0;
            int connectionsWhilePublishing = 0;
            boolean ended = false;
            while (!ended && connections < 2_000) {
                connections++;
                if (!publisher.isDone()) {
                    connectionsWhilePublishing++;
                }
                Map<String, String> headers = lastId == null ? Map.of() : Map.of("Last-Event-ID", lastId);
                try (SseTestClient client = SseTestClient.open(server.url("up/seam"), headers)) {
                    int readThisTime = ThreadLocalRandom.current().nextInt(1, 200);
                    for (int n = 0; n < readThisTime; ) {
                        SseFrame frame = client.next(Duration.ofSeconds(20));
                        if (frame.kind() == SseFrame.Kind.END) {
                            ended = true;
                            break;
                        }
                        if (frame.isEvent()) {
                            received.add(Integer.parseInt(frame.data()));
                            sequences.add(EventId.parse(frame.id()).sequence());
                            lastId = frame.id();
                            window.release();
                            n++;
                        }
                    }
                }
            }
            publisher.get();
            assertEquals(EVENTS, received.size(), "events received over " + connections + " connections");
            for (int i = 0; i < EVENTS; i++) {
                assertEquals(i, received.get(i), "event at position " + i);
                if (i > 0) {
                    assertEquals(sequences.get(i - 1) + 1, sequences.get(i), "ids are consecutive at " + i);
                }
            }
            assertTrue(connectionsWhilePublishing > 10,
                    "reconnects while the publisher ran: " + connectionsWhilePublishing + " of " + connections);
        }
    }
}
