package io.camelprogress.examples.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camelprogress.testing.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server drops the page's connections mid-job: the client reconnects by itself and hands the
 * page every event of the job once, in order, over each transport.
 */
@Timeout(120)
class ReconnectInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static DemoServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new DemoServer();
        server.stagesRead(1L << 20);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "sse", "ws", "poll" })
    void reconnectsWithNoGapAndNoDuplicate(String transport) throws Exception {
        Path file = DemoServer.textFile("drop-" + transport + ".txt", 2L << 20);
        try (HeadlessChromium page = HeadlessChromium.open(server.url("/?transport=" + transport))) {
            page.setInputFile("#file", file);
            page.awaitTrue("progressDemo.log.some(e => e.stage === 'checksum' && e.percent > 5)", WAIT);
            String job = page.evaluate("progressDemo.job", WAIT).asText();
            String stream = "uploads/" + job;
            long streamRequestsBefore = streamRequests(page, job);
            assertTrue(server.progress().hub().disconnect(stream) >= 1, "the page's connection was dropped");
            page.awaitTrue("progressDemo.log.some(e => e.stage === 'lines')", WAIT);
            assertTrue(server.progress().hub().disconnect(stream) >= 1, "dropped a second time");
            page.awaitTrue("document.getElementById('status').dataset.status === 'done'", WAIT);

            List<String> got = new ArrayList<>();
            page.evaluate("progressDemo.log.map(e => e.id)", WAIT).forEach(id -> got.add(id.asText()));
            assertEquals(server.idsOf(stream), got, "every event of the job once, in order");
            assertTrue(streamRequests(page, job) > streamRequestsBefore, "the client reconnected");
        }
    }

    private static long streamRequests(HeadlessChromium page, String job) {
        return page.requests().stream().filter(r -> r.url().contains("/progress/uploads/" + job)).count();
    }
}
