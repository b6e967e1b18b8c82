package io.camelprogress.routes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code jms-progress.camel.xml} as it is, on Camel Main against an ActiveMQ Artemis broker
 * embedded from its Maven Central jars: each work item advances its job's stream, the last is
 * followed by {@code done}; a poison message gives {@code error} and the next job still works.
 */
@Timeout(90)
class JmsProgressRouteTest {

    @TempDir
    static Path dir;
    private static EmbeddedActiveMQ broker;
    private static String brokerUrl;
    private static RouteFileMain app;
    private static ActiveMQConnectionFactory client;

    @BeforeAll
    static void start() throws Exception {
        brokerUrl = "tcp://127.0.0.1:" + RouteFileMain.freePort();
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setBrokerInstance(dir.toFile());
        config.addAcceptorConfiguration("tcp", brokerUrl);
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        app = RouteFileMain.start("jms-progress.camel.xml", Map.of(
                "camel.beans.jmsConnectionFactory", "#class:org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory",
                "camel.beans.jmsConnectionFactory.brokerURL", brokerUrl));
        client = new ActiveMQConnectionFactory(brokerUrl);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (client != null) {
            client.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    private static void send(String job, String body) {
        try (JMSContext jms = client.createContext()) {
            JMSProducer producer = jms.createProducer();
            if (job != null) {
                producer.setProperty("job", job);
            }
            producer.send(jms.createQueue("work"), body);
        }
    }

    @Test
    void eachWorkItemAdvancesItsJobThenDone() throws Exception {
        BlockingQueue<String> lines = app.subscribe("/progress/jobs/job-1");
        String[] tasks = { "fetch", "resize", "watermark", "store" };
        for (int step = 1; step <= 4; step++) {
            send("job-1", "{\"step\":" + step + ",\"steps\":4,\"task\":\"" + tasks[step - 1] + "\"}");
        }
        List<String> events = SseLines.eventsUntilEnd(lines, Duration.ofSeconds(30));
        assertEquals(List.of(
                "progress {\"stream\":\"jobs/job-1\",\"stage\":\"working\",\"percent\":25,\"current\":1,\"total\":4,\"message\":\"fetch\"}",
                "progress {\"stream\":\"jobs/job-1\",\"stage\":\"working\",\"percent\":50,\"current\":2,\"total\":4,\"message\":\"resize\"}",
                "progress {\"stream\":\"jobs/job-1\",\"stage\":\"working\",\"percent\":75,\"current\":3,\"total\":4,\"message\":\"watermark\"}",
                "progress {\"stream\":\"jobs/job-1\",\"stage\":\"working\",\"percent\":100,\"current\":4,\"total\":4,\"message\":\"store\"}",
                "done {\"job\":\"job-1\",\"steps\":4}"), events);
        ProgressEvents.assertPercentsRiseTo100(events);
    }

    @Test
    void aPoisonMessageGivesErrorAndTheNextJobStillWorks() throws Exception {
        BlockingQueue<String> poisoned = app.subscribe("/progress/jobs/job-2");
        send("job-2", "{\"step\":1,\"steps\":2,\"task\":\"fetch\"}");
        send("job-2", "this is not json");
        List<String> events = SseLines.eventsUntilEnd(poisoned, Duration.ofSeconds(30));
        assertEquals(2, events.size(), events.toString());
        assertEquals("error rejected: job job-2: the work item is not JSON: Unrecognized token 'this': was expecting"
                     + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", events.get(1));

        BlockingQueue<String> wrong = app.subscribe("/progress/jobs/job-3");
        send("job-3", "{\"step\":5,\"steps\":2}");
        assertEquals(List.of("error rejected: job job-3: a work item needs whole numbers step and steps, 1 <= step <= steps,"
                             + " not {step=5, steps=2}"), SseLines.eventsUntilEnd(wrong, Duration.ofSeconds(30)));

        BlockingQueue<String> next = app.subscribe("/progress/jobs/job-4");
        send(null, "{\"step\":1,\"steps\":1}");
        send("job-4", "{\"step\":1,\"steps\":1,\"task\":\"all\"}");
        assertEquals(List.of(
                "progress {\"stream\":\"jobs/job-4\",\"stage\":\"working\",\"percent\":100,\"current\":1,\"total\":1,\"message\":\"all\"}",
                "done {\"job\":\"job-4\",\"steps\":1}"), SseLines.eventsUntilEnd(next, Duration.ofSeconds(30)));
    }
}
