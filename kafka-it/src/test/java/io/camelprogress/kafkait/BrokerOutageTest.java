package io.camelprogress.kafkait;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camelprogress.testing.Await;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.kafka.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker stops for a few seconds and comes back: failures are clear, nothing acknowledged is lost, streaming resumes. */
@Timeout(300)
class BrokerOutageTest {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerOutageTest.class);

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @Test
    void publishingFailsClearlyDuringTheOutageAndEverythingAcknowledgedArrives() throws Exception {
        try (Node a = new Node("a", kafka.bootstrapServers(), "progress-outage", "camel.component.progress.kafkaPublishTimeout=3s",
                "camel.component.progress.kafkaAckEveryEvent=true").start();
             SseTestClient client = SseTestClient.open(a.url("o"))) {
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> published = a.publish("o", "before " + i);
                assertEquals(200, published.statusCode());
                acknowledged.add(published.body());
            }
            client.events(5, Duration.ofSeconds(30));

            kafka.broker().stop();
            long start = System.nanoTime();
            HttpResponse<String> failed = a.publish("o", "during");
            long failedAfter = (System.nanoTime() - start) / 1_000_000;
            LOG.info("publish during the outage failed after {} ms: {}", failedAfter, failed.body().lines().findFirst().orElse(""));
            assertEquals(500, failed.statusCode());
            assertTrue(failed.body().contains("could not publish the event of stream 'jobs/o' to topic progress-outage within 3000 ms"),
                    failed.body());
            assertTrue(failedAfter < 15_000, "failed within the timeout: " + failedAfter + " ms");

            kafka.broker().restart();
            int attempts = 0;
            int after = 0;
            while (after < 5 && attempts++ < 30) {
                HttpResponse<String> published = a.publish("o", "after " + after);
                if (published.statusCode() == 200) {
                    acknowledged.add(published.body());
                    after++;
                }
            }
            assertEquals(5, after, "publishing resumed by itself once the broker was back");
            List<String> expected = acknowledged.subList(5, 10);
            List<String> seen = new ArrayList<>();
            while (!seen.containsAll(expected)) {
                seen.add(client.next(SseFrame::isEvent, Duration.ofSeconds(60)).id());
                assertTrue(seen.size() < 50, "unexpected events: " + seen);
            }
            assertEquals(expected, seen.stream().filter(expected::contains).toList(),
                    "every event acknowledged after the outage reached the subscriber, in order");
        }
    }

    /**
     * A sequential route's events complete once handed on; when the broker stops mid-run, the terminal
     * event's exchange fails with the reason, and the topic holds the run's events in order up to a
     * point no earlier than the last one known stored, none after a gap. Once the broker is back the
     * stream publishes again.
     */
    @Test
    void brokerStoppedMidRunFailsTheTerminalExchangeClearly() throws Exception {
        String topic = "progress-midrun";
        int stored = 2_000;
        int events = 3_000;
        try (Node a = new Node("a", kafka.bootstrapServers(), topic, "camel.component.progress.kafkaPublishTimeout=3s").start();
             SseTestClient client = SseTestClient.open(a.url("mid"))) {
            a.run("mid", events, stored);
            // what the subscriber gets has been read back from the topic: it is stored
            client.events(stored, Duration.ofSeconds(60));
            // the route tells itself just after each publish: wait for the last before the pause
            Await.until(() -> told(a, "mid") == stored, Duration.ofSeconds(10), "the route to reach its pause");
            assertEquals(new Node.RunReport(stored, "running"), a.report("mid"));

            kafka.broker().stop();
            long resumed = System.nanoTime();
            a.resume("mid");
            Node.RunReport report = a.awaitRunEnd("mid", Duration.ofSeconds(30));
            long failedAfter = (System.nanoTime() - resumed) / 1_000_000;
            LOG.info("broker stopped after {} events; the run ended {} ms after resuming: {}", stored, failedAfter, report);
            assertEquals(events, report.told(), "the events after the stop were handed on; the terminal one waits for the broker");
            assertTrue(report.outcome().startsWith("failed The Kafka backplane could not publish the event of stream 'jobs/mid' to topic "
                                                   + topic), report.outcome());
            assertTrue(failedAfter < 15_000, "failed within the publish timeout: " + failedAfter + " ms");

            HttpResponse<String> during = a.publish("other", "during");
            assertEquals(500, during.statusCode(), "after a failed send, a publish waits for its own acknowledgement: " + during.body());
            assertTrue(during.body().contains("could not publish the event of stream 'jobs/other' to topic " + topic), during.body());

            kafka.broker().restart();
            List<String> inTopic = TopicReader.dataByStream(kafka.bootstrapServers(), topic).get("jobs/mid");
            LOG.info("the topic holds {} events of the run", inTopic.size());
            assertTrue(inTopic.size() >= stored && inTopic.size() <= events, "stored: " + inTopic.size());
            for (int i = 0; i < inTopic.size(); i++) {
                assertTrue(inTopic.get(i).startsWith("{\"n\":" + i + ","), "event " + i + " in order, no gap: " + inTopic.get(i));
            }

            a.run("mid", 100, -1);
            Node.RunReport again = a.awaitRunEnd("mid", Duration.ofSeconds(60));
            assertTrue(again.outcome().startsWith("done "), "publishing resumed once the broker was back: " + again);
        } finally {
            if (!kafka.broker().isRunning()) {
                kafka.broker().restart();
            }
        }
    }

    private static int told(Node node, String stream) {
        try {
            return node.report(stream).told();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
