package io.camelprogress.routes;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on a stream's events as {@link SseLines#eventsUntilEnd} gives them. */
final class ProgressEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgressEvents() {
    }

    /** The progress events' percents never go down, and the last one is 100; returns how many there are. */
    static int assertPercentsRiseTo100(List<String> events) throws Exception {
        double previous = -1;
        int progress = 0;
        for (String event : events) {
            if (!event.startsWith("progress ")) {
                continue;
            }
            progress++;
            JsonNode data = JSON.readTree(event.substring("progress ".length()));
            double percent = data.get("percent").asDouble();
            assertTrue(percent >= previous, "percent went down from " + previous + " to " + percent);
            previous = percent;
        }
        assertEquals(100.0, previous, "the last percent");
        return progress;
    }
}
