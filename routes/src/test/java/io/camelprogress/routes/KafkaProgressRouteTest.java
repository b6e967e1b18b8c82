package io.camelprogress.routes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.camelprogress.testing.kafka.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kafka-progress.camel.yaml} as it is, on Camel Main against the real Kafka broker of
 * {@code kafka-test-broker}: records keyed by job become the job's progress and {@code done}; a
 * record that is not JSON gives {@code error} and the next job still works.
 */
@Timeout(120)
class KafkaProgressRouteTest {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    private static RouteFileMain app;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() throws Exception {
        app = RouteFileMain.start("kafka-progress.camel.yaml", Map.of("camel.component.kafka.brokers", kafka.bootstrapServers()));
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(config);
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static void send(String job, String value) throws Exception {
        producer.send(new ProducerRecord<>("job-updates", job, value)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void recordsOfAJobBecomeItsProgressThenDone() throws Exception {
        BlockingQueue<String> lines = app.subscribe("/progress/updates/render-7");
        send("render-7", "{\"stage\":\"render\",\"percent\":40,\"message\":\"frame 400 of 1000\"}");
        send("render-7", "{\"stage\":\"render\",\"percent\":40.4,\"message\":\"same whole percent: thinned out\"}");
        send("render-7", "{\"stage\":\"encode\",\"percent\":90,\"message\":\"encoding\"}");
        send("render-7", "{\"stage\":\"encode\",\"percent\":100,\"message\":\"ready\"}");
        List<String> events = SseLines.eventsUntilEnd(lines, Duration.ofSeconds(60));
        assertEquals(List.of(
                "progress {\"stream\":\"updates/render-7\",\"stage\":\"render\",\"percent\":40,\"message\":\"frame 400 of 1000\"}",
                "progress {\"stream\":\"updates/render-7\",\"stage\":\"encode\",\"percent\":90,\"message\":\"encoding\"}",
                "progress {\"stream\":\"updates/render-7\",\"stage\":\"encode\",\"percent\":100,\"message\":\"ready\"}",
                "done {\"job\":\"render-7\"}"), events);
        ProgressEvents.assertPercentsRiseTo100(events);
    }

    @Test
    void aRecordThatIsNotJsonGivesErrorAndTheNextJobStillWorks() throws Exception {
        BlockingQueue<String> bad = app.subscribe("/progress/updates/broken-1");
        send("broken-1", "{\"stage\":\"render\",\"percent\":10}");
        send("broken-1", "<update percent=20/>");
        List<String> events = SseLines.eventsUntilEnd(bad, Duration.ofSeconds(60));
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(1).matches("error rejected: the record at offset \\d+ is not JSON: Unexpected character \\('<' \\(code 60\\)\\).*"),
                events.get(1));

        BlockingQueue<String> next = app.subscribe("/progress/updates/next-1");
        send("next-1", "{\"percent\":100,\"message\":\"all at once\"}");
        assertEquals(List.of("progress {\"stream\":\"updates/next-1\",\"percent\":100,\"message\":\"all at once\"}",
                "done {\"job\":\"next-1\"}"), SseLines.eventsUntilEnd(next, Duration.ofSeconds(60)));
    }
}
