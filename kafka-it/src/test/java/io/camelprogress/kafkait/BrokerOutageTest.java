package io.camelprogress.kafkait;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        try (Node a = new Node("a", kafka.bootstrapServers(), "progress-outage", "camel.component.progress.kafkaPublishTimeout=3s").start();
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
}
