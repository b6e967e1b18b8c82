package io.camelprogress.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import io.camelprogress.event.EventId;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.TestTransport;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay seam, over each transport (WebSocket with the JDK client and with the independent
 * Java-WebSocket library): while a publisher sends 10,000 events, a client drops its
 * connection again and again and resumes with its last id. It must end with every event exactly
 * once, in order.
 */
@Timeout(180)
class ReplaySeamTest {

    private static final int EVENTS = 10_000;
    private static final int WINDOW = 500;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(TestTransport.class)
    void everyEventExactlyOnceAcrossReconnects(TestTransport transport) throws Exception {
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
            while (!ended && connections < 20_000) {
                connections++;
                if (!publisher.isDone()) {
                    connectionsWhilePublishing++;
                }
                try (TestTransport.Session session = transport.open(server, "up/seam", lastId)) {
                    int readThisTime = ThreadLocalRandom.current().nextInt(1, 200);
                    for (int n = 0; n < readThisTime; n++) {
                        TestTransport.Seen seen = session.next(WAIT);
                        if (seen == null) {
                            ended = true;
                            break;
                        }
                        if (seen.isBatchEnd()) {
                            break;
                        }
                        received.add(Integer.parseInt(seen.data()));
                        sequences.add(EventId.parse(seen.id()).sequence());
                        lastId = seen.id();
                        window.release();
                        if ("done".equals(seen.event())) {
                            ended = true;
                            break;
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
