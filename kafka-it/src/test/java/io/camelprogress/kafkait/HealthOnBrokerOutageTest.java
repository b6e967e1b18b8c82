package io.camelprogress.kafkait;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.testing.Await;
import io.camelprogress.testing.FreePort;
import io.camelprogress.testing.kafka.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readiness on Camel Main's management server follows the broker: up once the node has rebuilt and
 * serves, down with the reason while the broker is stopped, up again once it is back; liveness
 * stays up and says why the backplane is not connected.
 */
@Timeout(180)
class HealthOnBrokerOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    /** Our check in the answer of a health path, or null. */
    private static JsonNode progressCheck(int port, String path) throws Exception {
        HttpResponse<String> answer = Node.get(port, path);
        for (JsonNode check : JSON.readTree(answer.body()).path("checks")) {
            if ("progress".equals(check.path("name").asText())) {
                return check;
            }
        }
        return null;
    }

    private static boolean status(int port, String path, String expected) {
        try {
            JsonNode check = progressCheck(port, path);
            return check != null && expected.equals(check.path("status").asText());
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void readinessGoesDownWithTheReasonWhileTheBrokerIsAwayAndComesBack() throws Exception {
        int management = FreePort.find();
        try (Node node = new Node("health", kafka.bootstrapServers(), "progress-health", "camel.management.enabled=true",
                "camel.management.host=127.0.0.1", "camel.management.port=" + management, "camel.management.healthCheckEnabled=true",
                "camel.health.exposureLevel=full").start()) {
            Await.until(() -> status(management, "/observe/health/ready", "UP"), WAIT, "readiness up once rebuilt and serving");

            kafka.broker().stop();
            Await.until(() -> status(management, "/observe/health/ready", "DOWN"), WAIT, "readiness down while the broker is away");
            JsonNode down = progressCheck(management, "/observe/health/ready");
            assertTrue(down.toString().contains("no connection to a broker of topic progress-health"), down.toString());
            JsonNode live = progressCheck(management, "/observe/health/live");
            assertTrue(live != null, Node.get(management, "/observe/health/live").body());
            assertEquals("UP", live.path("status").asText(), "a restart would not bring the broker back: " + live);

            kafka.broker().restart();
            Await.until(() -> status(management, "/observe/health/ready", "UP"), WAIT, "readiness up again with the broker");
        }
    }
}
