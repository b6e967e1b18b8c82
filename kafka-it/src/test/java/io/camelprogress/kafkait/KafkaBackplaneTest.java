package io.camelprogress.kafkait;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.event.EventId;
import io.camelprogress.testing.Await;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.kafka.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several nodes, each its own JVM, CamelContext and HTTP port, acting as one through a real Kafka broker. */
@Timeout(300)
class KafkaBackplaneTest {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBackplaneTest.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** For the tests that take each event's id from its publish. */
    private static final String ACK_EVERY_EVENT = "camel.component.progress.kafkaAckEveryEvent=true";

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private static String topic(TestInfo test) {
        return "progress-" + test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void eventsPublishedOnOneNodeReachSubscribersOfBothWithTheSameIds(TestInfo test) throws Exception {
        try (Node a = new Node("a", kafka.bootstrapServers(), topic(test)).start();
             Node b = new Node("b", kafka.bootstrapServers(), topic(test)).start();
             SseTestClient onA = SseTestClient.open(a.url("s1"));
             SseTestClient onB = SseTestClient.open(b.url("s1"))) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> published = a.publish("s1", "{\"i\":" + i + "}");
                assertEquals(200, published.statusCode(), published.body());
                assertEquals("handed on", published.body(), "a non-terminal event completes before its id is known");
            }
            HttpResponse<String> done = a.publish("s1", "done", "{\"done\":true}");
            assertEquals(200, done.statusCode(), done.body());
            List<SseFrame> seenOnA = onA.events(21, WAIT);
            List<SseFrame> seenOnB = onB.events(21, WAIT);
            LOG.info("21 events published on A and received on A and B in {} ms", (System.nanoTime() - start) / 1_000_000);
            assertEquals(seenOnA, seenOnB, "identical ids, names and payloads on both nodes");
            assertConsecutive(seenOnB);
            assertEquals(done.body(), seenOnB.get(20).id(), "the terminal event completes on the broker's acknowledgement, with its id");
            assertEquals("{\"i\":19}", seenOnB.get(19).data());
        }
    }

    @Test
    void latencyFromOneNodeToAnother(TestInfo test) throws Exception {
        try (Node a = new Node("a", kafka.bootstrapServers(), topic(test)).start();
             Node b = new Node("b", kafka.bootstrapServers(), topic(test)).start();
             SseTestClient onB = SseTestClient.open(b.url("lat"))) {
            int samples = 500;
            long[] micros = new long[samples];
            for (int i = 0; i < samples; i++) {
                long sent = System.nanoTime();
                assertEquals(200, a.publish("lat", Long.toString(sent)).statusCode());
                SseFrame frame = onB.events(1, WAIT).get(0);
                micros[i] = (System.nanoTime() - Long.parseLong(frame.data())) / 1_000;
            }
            Arrays.sort(micros);
            LOG.info("publish on A (HTTP POST) -> Kafka -> SSE on B, {} sequential events: p50 {} us, p90 {} us, p99 {} us, max {} us",
                    samples, micros[samples / 2], micros[samples * 9 / 10], micros[samples * 99 / 100], micros[samples - 1]);
        }
    }

    /**
     * One route on A publishes event after event (a streaming splitter, then {@code done}); a subscriber on B
     * gets every one in order, none missing. The rate is from the first publish to the last receipt, once
     * the nodes' JIT compiler has seen the path ({@code warmUps} runs before, checked alike).
     */
    @ParameterizedTest(name = "kafkaAckEveryEvent={0}, {1} events after {2} warm-up runs")
    @CsvSource({ "false, 20000, 5", "true, 2000, 1" })
    void aSequentialRouteStreamsEveryEventInOrderToAnotherNode(boolean ackEveryEvent, int events, int warmUps, TestInfo test)
            throws Exception {
        String topic = topic(test) + (ackEveryEvent ? "-ack-every-event" : "");
        // B retains the whole run: its subscriber, sharing two cores with both nodes and the broker, may read
        // slower than the route publishes, and this test is about the backplane (the lag rule is the hub's tests')
        try (Node a = new Node("a", kafka.bootstrapServers(), topic, "camel.component.progress.kafkaAckEveryEvent=" + ackEveryEvent)
                .optimized().start();
             Node b = new Node("b", kafka.bootstrapServers(), topic, "camel.component.progress.maxEventsPerStream=" + (events + 1),
                     "camel.component.progress.maxBytesPerStream=" + (64L << 20)).optimized().start()) {
            for (int run = 0; run <= warmUps; run++) {
                String stream = run < warmUps ? "warm-up-" + run : "measured";
                long millis = runToTheEnd(a, b, stream, events);
                LOG.info("kafkaAckEveryEvent={}, {} run: a sequential route on A published {} events and done; B's subscriber had"
                         + " them all {} ms after the first publish: {} events/s", ackEveryEvent, stream, events, millis,
                        (events + 1) * 1000L / millis);
            }
        }
    }

    /** Runs {@link SequentialRun} on A to a subscriber on B, checks what arrived, and returns first publish to last receipt in ms. */
    private static long runToTheEnd(Node a, Node b, String stream, int events) throws Exception {
        try (SseTestClient onB = SseTestClient.open(b.url(stream))) {
            a.run(stream, events, -1);
            List<SseFrame> received = onB.events(events + 1, Duration.ofSeconds(120));
            long lastReceipt = System.currentTimeMillis();
            long firstPublish = JSON.readTree(received.get(0).data()).get("at").asLong();
            for (int i = 0; i < events; i++) {
                assertEquals(i, JSON.readTree(received.get(i).data()).get("n").asInt(), "event " + i + " in order");
            }
            assertConsecutive(received);
            assertEquals("done", received.get(events).event());
            assertEquals(new Node.RunReport(events, "done " + received.get(events).id()), a.awaitRunEnd(stream, WAIT),
                    "every event's exchange succeeded, and the terminal one got its id");
            return Math.max(1, lastReceipt - firstPublish);
        }
    }

    @Test
    void clientsOfAKilledNodeResumeOnAnotherWithNothingMissedOrTwice(TestInfo test) throws Exception {
        int clients = 50;
        int streams = 20;
        int events = 5_000;
        String topic = topic(test);
        try (Node a = new Node("a", kafka.bootstrapServers(), topic).start();
             Node b = new Node("b", kafka.bootstrapServers(), topic).start()) {
            AtomicReference<Node> live = new AtomicReference<>(a);
            List<Follower> followers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String stream = "s" + i % streams;
                followers.add(new Follower(() -> live.get().url(stream)).start());
            }
            a.burst(events, streams);
            Await.until(() -> followers.stream().mapToInt(Follower::received).sum() >= clients * events / streams / 5, WAIT,
                    "a fifth of the events to arrive");
            live.set(b);
            a.kill();
            int receivedAtKill = followers.stream().mapToInt(Follower::received).sum();

            Map<String, List<String>> published = TopicReader.dataByStream(kafka.bootstrapServers(), topic);
            int total = published.values().stream().mapToInt(List::size).sum();
            LOG.info("node A killed after {} of {} events were stored; clients had {} deliveries", total, events, receivedAtKill);
            assertTrue(total > 0 && total < events, "killed mid-stream: " + total + " published");
            for (int i = 0; i < clients; i++) {
                followers.get(i).want(published.get("jobs/s" + i % streams).size());
            }
            for (Follower follower : followers) {
                follower.join(WAIT);
            }
            for (int i = 0; i < clients; i++) {
                Follower follower = followers.get(i);
                assertEquals(published.get("jobs/s" + i % streams), follower.data(), "client " + i + ": every event once, in order");
                assertTrue(follower.reconnects() >= 1, "client " + i + " reconnected");
                follower.close();
            }
            // a short wait shows nothing more arrives: no duplicate after the last expected event
            Thread.sleep(500);
            for (int i = 0; i < clients; i++) {
                assertEquals(published.get("jobs/s" + i % streams).size(), followers.get(i).received());
            }
        }
    }

    @Test
    void resumeOlderThanTheNodesMemoryIsServedFromTheTopic(TestInfo test) throws Exception {
        String topic = topic(test);
        try (Node a = new Node("a", kafka.bootstrapServers(), topic, ACK_EVERY_EVENT).start();
             Node b = new Node("b", kafka.bootstrapServers(), topic, "camel.component.progress.maxEventsPerStream=20").start()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ids.add(a.publish("deep", Integer.toString(i)).body());
            }
            Await.until(() -> {
                try {
                    return b.publish("other", "b caught up").statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            }, WAIT, "node B to serve");
            try (SseTestClient client = SseTestClient.open(b.url("deep"), Map.of("Last-Event-ID", ids.get(10)))) {
                List<SseFrame> replayed = client.events(289, WAIT);
                for (int i = 0; i < 289; i++) {
                    assertEquals(Integer.toString(i + 11), replayed.get(i).data(), "replayed from the topic, in order");
                    assertEquals(ids.get(i + 11), replayed.get(i).id());
                }
                List<String> liveIds = new ArrayList<>();
                for (int i = 300; i < 305; i++) {
                    liveIds.add(a.publish("deep", Integer.toString(i)).body());
                }
                List<SseFrame> live = client.events(5, WAIT);
                assertEquals(liveIds, live.stream().map(SseFrame::id).toList(), "live events follow with no seam");
            }
        }
    }

    @Test
    void restartedNodeServesAResumeCorrectlyOnItsFirstRequest(TestInfo test) throws Exception {
        String topic = topic(test);
        try (Node a = new Node("a", kafka.bootstrapServers(), topic, ACK_EVERY_EVENT).start()) {
            List<String> ids = new ArrayList<>();
            try (Node b = new Node("b", kafka.bootstrapServers(), topic).start()) {
                for (int i = 0; i < 1000; i++) {
                    ids.add(a.publish("r", Integer.toString(i)).body());
                }
                b.kill();
            }
            try (Node restarted = new Node("b2", kafka.bootstrapServers(), topic).start();
                 SseTestClient client = SseTestClient.open(restarted.url("r"), Map.of("Last-Event-ID", ids.get(499)))) {
                List<SseFrame> events = client.events(500, WAIT);
                for (int i = 0; i < 500; i++) {
                    assertEquals(Integer.toString(500 + i), events.get(i).data());
                    assertEquals(ids.get(500 + i), events.get(i).id());
                }
                assertEquals(EventId.parse(ids.get(0)).epoch(), EventId.parse(events.get(0).id()).epoch(), "same epoch on every node");
            }
        }
    }

    /** Ids of one epoch, with sequences one after another: nothing missing, nothing twice. */
    private static void assertConsecutive(List<SseFrame> frames) {
        EventId first = EventId.parse(frames.get(0).id());
        for (int i = 1; i < frames.size(); i++) {
            assertEquals(first.withSequence(first.sequence() + i), EventId.parse(frames.get(i).id()), "id of event " + i);
        }
    }
}
