package io.camelprogress.examples.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

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
            assertTrue(drop(stream), "the page's connection was dropped");
            page.awaitTrue("progressDemo.log.some(e => e.stage === 'lines')", WAIT);
            assertTrue(drop(stream), "dropped a second time");
            page.awaitTrue("document.getElementById('status').dataset.status === 'done'", WAIT);

            List<String> got = new ArrayList<>();
            page.evaluate("progressDemo.log.map(e => e.id)", WAIT).forEach(id -> got.add(id.asText()));
            assertEquals(server.idsOf(stream), got, "every event of the job once, in order");
            assertTrue(streamRequests(page, job) > streamRequestsBefore, "the client reconnected");
        }
    }

    /**
     * Drops the page's connection to the stream. A long-poll holds one only while a poll waits, so
     * this tries again until one is there to drop.
     */
    private static boolean drop(String stream) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (server.progress().hub().disconnect(stream) >= 1) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return false;
    }

    private static long streamRequests(HeadlessChromium page, String job) {
        return page.requests().stream().filter(r -> r.url().contains("/progress/uploads/" + job)).count();
    }
}
