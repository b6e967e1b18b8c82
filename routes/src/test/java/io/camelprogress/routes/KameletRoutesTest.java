package io.camelprogress.routes;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Kamelets progress-sink and progress-source, found on classpath:kamelets in the component jar,
 * used from {@code kamelet-progress.camel.yaml} and from the Pipe {@code progress.pipe.yaml}, as they
 * are, on Camel Main.
 */
@Timeout(60)
class KameletRoutesTest {

    private static RouteFileMain app;

    @BeforeAll
    static void start() throws Exception {
        app = RouteFileMain.start("kamelet-progress.camel.yaml,progress.pipe.yaml", Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void progressSinkStreamsEachLineThenDone() throws Exception {
        BlockingQueue<String> lines = app.subscribe("/progress/kjobs/job1");
        HttpResponse<String> posted = RouteFileMain.HTTP.send(HttpRequest.newBuilder(app.uri("/kamelet/jobs/job1"))
                .POST(HttpRequest.BodyPublishers.ofString("unpack\nscan")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode());
        List<String> events = SseLines.eventsUntilEnd(lines, Duration.ofSeconds(20));
        assertEquals(List.of(
                "progress {\"stream\":\"kjobs/job1\",\"percent\":50,\"current\":1,\"total\":2,\"message\":\"unpack\"}",
                "progress {\"stream\":\"kjobs/job1\",\"percent\":100,\"current\":2,\"total\":2,\"message\":\"scan\"}",
                "done {\"status\":\"complete\"}"), events);
        ProgressEvents.assertPercentsRiseTo100(events);
    }

    @Test
    void progressSourceReceivesABrowsersPostAndTheSinkAnswersIt() throws Exception {
        HttpResponse<String> answer = RouteFileMain.HTTP.send(HttpRequest.newBuilder(app.uri("/progress/kcommands/job5"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("cancel")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("{\"event\":\"answer\",\"stream\":\"kcommands/job5\",\"data\":\"received cancel on kcommands/job5\"}", answer.body());
    }

    @Test
    void aPipeIntoProgressSinkPublishes() throws Exception {
        BlockingQueue<String> lines = app.subscribe("/progress/pipe/ticks");
        assertEquals(List.of("tick 1", "tick 2", "tick 3"), SseLines.dataLines(lines, 3));
    }
}
