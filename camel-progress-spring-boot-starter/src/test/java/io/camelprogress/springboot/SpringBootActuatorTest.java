package io.camelprogress.springboot;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelprogress.testing.Await;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The camel.progress.* meters under Actuator's Prometheus endpoint, on the application's port, from Spring's own registry. */
// tests get no metrics export unless they ask for it
@AutoConfigureObservability
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "management.endpoints.web.exposure.include=prometheus")
@Timeout(60)
class SpringBootActuatorTest extends SampleApplicationTestBase {

    private String prometheus() throws Exception {
        HttpResponse<String> scrape = get("http://127.0.0.1:" + port + "/actuator/prometheus", Map.of());
        assertEquals(200, scrape.statusCode(), scrape.body());
        return scrape.body();
    }

    private static double sample(String text, String name, String tag) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(text);
        while (m.find()) {
            if (m.group(1).contains(tag)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no " + name + " with " + tag + " in " + text.lines().filter(l -> l.startsWith("camel_progress")).toList());
    }

    @Test
    void theMetersAreUnderActuator() throws Exception {
        try (SseTestClient client = SseTestClient.open(url("sb/job1"))) {
            client.next(SseFrame::isEvent, WAIT);
            String metrics = prometheus();
            assertTrue(sample(metrics, "camel_progress_events_published_total", "component=\"progress\"") > 0, "the timer route publishes");
            assertEquals(1, sample(metrics, "camel_progress_connections", "transport=\"sse\""), "this client's stream");
            assertTrue(sample(metrics, "camel_progress_events_delivered_total", "transport=\"sse\"") >= 1);
        }
        Await.until(() -> progress().hub().subscriptionCount() == 0, WAIT, "the client to be gone");
        assertEquals(0, sample(prometheus(), "camel_progress_connections", "transport=\"sse\""));
    }
}
