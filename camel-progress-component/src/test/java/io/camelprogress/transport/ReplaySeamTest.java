package io.camelprogress.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelprogress.event.EventId;
import io.camelprogress.testing.LibraryWsClient;
import io.camelprogress.testing.LongPollTestClient;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.WsTestClient;
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

    /** One event as a client saw it. */
    private record Seen(String id, String event, String data) {
    }

    /** One connection of a transport: events in order until the stream ends. */
    private interface Session extends AutoCloseable {
        /** The next event, or null when the stream ended. */
        Seen next() throws Exception;

        @Override
        void close() throws Exception;
    }

    enum Transport {
        SSE {
            @Override
            Session open(ProgressServer server, String lastId) throws Exception {
                SseTestClient client = SseTestClient.open(server.url("up/seam"), lastId == null ? Map.of() : Map.of("Last-Event-ID", lastId));
                return new Session() {
                    @Override
                    public Seen next() throws Exception {
                        SseFrame frame = client.next(f -> f.isEvent() || f.kind() == SseFrame.Kind.END, WAIT);
                        return frame.isEvent() ? new Seen(frame.id(), frame.event(), frame.data()) : null;
                    }

                    @Override
                    public void close() throws Exception {
                        client.close();
                    }
                };
            }
        },
        WEBSOCKET {
            @Override
            Session open(ProgressServer server, String lastId) throws Exception {
                WsTestClient client = WsTestClient.open(server.wsUrl(seamPath(lastId)));
                return frames(() -> client.next(WAIT), client::close);
            }
        },
        WEBSOCKET_LIBRARY {
            @Override
            Session open(ProgressServer server, String lastId) throws Exception {
                LibraryWsClient client = LibraryWsClient.open(server.wsUrl(seamPath(lastId)));
                return frames(() -> client.next(WAIT), client::close);
            }
        },
        LONG_POLL {
            @Override
            Session open(ProgressServer server, String lastId) throws Exception {
                LongPollTestClient.Answer answer = LongPollTestClient.poll(server.url("up/seam"), lastId, 10);
                Deque<Seen> batch = new ArrayDeque<>();
                if (answer.status() == 200) {
                    for (JsonNode e : answer.body().get("events")) {
                        batch.add(new Seen(e.get("id").asText(), e.get("event").asText(), e.get("data").asText()));
                    }
                }
                boolean ended = answer.status() == 204;
                return new Session() {
                    @Override
                    public Seen next() {
                        // an exhausted batch ends this "connection"; the loop polls again from the last id
                        return batch.isEmpty() ? (ended ? null : new Seen(null, null, null)) : batch.poll();
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };

        abstract Session open(ProgressServer server, String lastId) throws Exception;

        private static String seamPath(String lastId) {
            return "up/seam" + (lastId == null ? "" : "?lastEventId=" + lastId);
        }

        /** A WebSocket session, whichever client reads its JSON frames. */
        private static Session frames(Callable<JsonNode> nextFrame, AutoCloseable client) {
            return new Session() {
                @Override
                public Seen next() throws Exception {
                    JsonNode frame = nextFrame.call();
                    return new Seen(frame.get("id").asText(), frame.get("event").asText(), frame.get("data").asText());
                }

                @Override
                public void close() throws Exception {
                    client.close();
                }
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyEventExactlyOnceAcrossReconnects(Transport transport) throws Exception {
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
                try (Session session = transport.open(server, lastId)) {
                    int readThisTime = ThreadLocalRandom.current().nextInt(1, 200);
                    for (int n = 0; n < readThisTime; n++) {
                        Seen seen = session.next();
                        if (seen == null) {
                            ended = true;
                            break;
                        }
                        if (seen.id() == null) {
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
