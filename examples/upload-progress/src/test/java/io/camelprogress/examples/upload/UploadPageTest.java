package io.camelprogress.examples.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelprogress.testing.browser.HeadlessChromium;
import io.camelprogress.testing.browser.HeadlessChromium.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo page in a real headless Chromium: upload, stages, cancel, errors, reload. */
@Timeout(180)
class UploadPageTest {

    private static final Logger LOG = LoggerFactory.getLogger(UploadPageTest.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static DemoServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new DemoServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void fastStages() {
        server.stagesRead(0);
    }

    @Test
    void aPageOpenedLaterShowsTheFinishedJobOnItsDashboard() throws Exception {
        Path file = DemoServer.textFile("earlier.txt", 64L << 10);
        String job;
        try (HeadlessChromium first = HeadlessChromium.open(server.url("/"))) {
            first.setInputFile("#file", file);
            first.awaitTrue("document.getElementById('status').dataset.status === 'done'", WAIT);
            job = first.evaluate("progressDemo.job", WAIT).asText();
        }
        for (String transport : List.of("sse", "ws", "poll")) {
            try (HeadlessChromium later = HeadlessChromium.open(server.url("/?transport=" + transport))) {
                later.awaitTrue("document.querySelector('tr[data-job=\"" + job + "\"]')?.dataset.status === 'done'", WAIT);
                double firstEventMs = later.evaluate("progressDemo.firstEventMs", WAIT).asDouble();
                assertTrue(firstEventMs > 0, "the dashboard's first event came");
                LOG.info("Page load to the dashboard's first event over {}: {} ms", transport, Math.round(firstEventMs));
            }
        }
    }

    @Test
    void fiveMegabytesReachDoneWithEveryStageInOrder() throws Exception {
        Path file = DemoServer.textFile("five.txt", 5L << 20);
        server.stagesRead(10L << 20);
        try (HeadlessChromium page = HeadlessChromium.open(server.url("/"))) {
            page.throttleUpload(4L << 20);
            page.setInputFile("#file", file);
            page.awaitTrue("progressDemo.uploadPercent >= 30 && progressDemo.uploadPercent < 100", WAIT);
            page.screenshot(Path.of("target", "screenshots", "upload-mid-upload.png"));
            page.awaitTrue("progressDemo.log.some(e => e.stage === 'lines')", WAIT);
            page.screenshot(Path.of("target", "screenshots", "upload-processing.png"));
            page.awaitTrue("document.getElementById('status').dataset.status === 'done'", WAIT);
            long doneAt = System.nanoTime();
            page.screenshot(Path.of("target", "screenshots", "upload-done.png"));
            String job = page.evaluate("progressDemo.job", WAIT).asText();

            JsonNode log = page.evaluate("progressDemo.log", WAIT);
            assertEquals(100, log.get(0).get("uploadPercent").asInt(), "the upload bar is full before the first event: " + log.get(0));
            List<String> stages = new ArrayList<>();
            for (JsonNode event : log) {
                String stage = event.path("stage").asText();
                if (event.get("event").asText().equals("progress") && (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage))) {
                    stages.add(stage);
                }
            }
            assertEquals(List.of("queued", "checksum", "lines", "compress"), stages, "stages in order, each once");
            JsonNode last = log.get(log.size() - 1);
            assertEquals("done", last.get("event").asText());
            assertEquals(100, last.get("percent").asInt());
            assertEquals("100 %", page.evaluate("document.getElementById('process-text').textContent", WAIT).asText());
            assertTrue(page.evaluate("document.getElementById('result').textContent", WAIT).asText().contains("SHA-256"));
            page.awaitTrue("document.querySelector('tr[data-job=\"" + job + "\"]')?.dataset.status === 'done'", WAIT);

            // an absence: watched for many times the 300 ms retry an EventSource would come back after
            long quiet = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < quiet) {
                Thread.sleep(100);
            }
            List<Request> after = page.requests().stream()
                    .filter(r -> r.nanoTime() > doneAt && r.url().contains("/progress/uploads/" + job)).toList();
            assertEquals(List.of(), after, "no request to the stream after done");
        }
    }

    @Test
    void cancelStopsTheJob() throws Exception {
        Path file = DemoServer.textFile("cancel.txt", 3L << 20);
        server.stagesRead(1L << 20);
        try (HeadlessChromium page = HeadlessChromium.open(server.url("/"))) {
            page.setInputFile("#file", file);
            page.awaitTrue("progressDemo.log.some(e => e.stage === 'checksum' && e.percent > 0)", WAIT);
            String job = page.evaluate("progressDemo.job", WAIT).asText();
            assertTrue(server.jobs().active().contains(job));
            page.evaluate("document.getElementById('cancel').click(), true", WAIT);
            page.awaitTrue("document.getElementById('status').dataset.status === 'cancelled'", WAIT);
            assertTrue(page.evaluate("document.getElementById('message').textContent", WAIT).asText().contains("Cancelled during checksum"));
            assertFalse(server.jobs().active().contains(job), "the route let go of the job");
            JsonNode log = page.evaluate("progressDemo.log", WAIT);
            assertEquals("cancelled", log.get(log.size() - 1).get("event").asText());
            assertTrue(log.get(log.size() - 2).get("percent").asInt() < 33, "stopped within the first stage: " + log);
            List<String> ids = server.idsOf("uploads/" + job);
            assertEquals(log.size(), ids.size(), "nothing published after cancelled");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (Files.exists(server.inbox().resolve(job))) {
                assertTrue(System.nanoTime() < deadline, "the file is deleted once the job stopped");
                Thread.sleep(50);
            }
        }
    }

    @Test
    void emptyAndOversizedFilesGetClearErrors() throws Exception {
        Path empty = DemoServer.textFile("empty.txt", 0);
        Path large = DemoServer.textFile("large.txt", DemoServer.MAX_BYTES + 1024);
        try (HeadlessChromium page = HeadlessChromium.open(server.url("/"))) {
            page.setInputFile("#file", empty);
            page.awaitTrue("document.getElementById('status').dataset.status === 'error'", WAIT);
            assertEquals("The file is empty: there is nothing to process",
                    page.evaluate("document.getElementById('message').textContent", WAIT).asText());

            page.setInputFile("#file", large);
            page.awaitTrue("document.getElementById('status').dataset.status === 'error' && progressDemo.log.length === 1", WAIT);
            assertEquals("large.txt is 8.0 MB, more than the 8.0 MB this server takes",
                    page.evaluate("document.getElementById('message').textContent", WAIT).asText());
            assertEquals("open", page.evaluate("document.getElementById('connection').dataset.state", WAIT).asText(),
                    "the dashboard's stream hears error events as events, not as a lost connection");
        }
    }

    @Test
    void reloadMidJobResumesFromTheLastId() throws Exception {
        Path file = DemoServer.textFile("reload.txt", 2L << 20);
        server.stagesRead(1L << 20);
        try (HeadlessChromium page = HeadlessChromium.open(server.url("/?transport=sse"))) {
            page.setInputFile("#file", file);
            page.awaitTrue("progressDemo.log.length >= 4", WAIT);
            String job = page.evaluate("progressDemo.job", WAIT).asText();
            JsonNode before = page.evaluate("progressDemo.log", WAIT);
            int requestsBefore = page.requests().size();
            page.reload();
            page.awaitTrue("document.getElementById('status').dataset.status === 'done'", WAIT);

            List<String> truth = server.idsOf("uploads/" + job);
            String resumeUrl = page.requests().subList(requestsBefore, page.requests().size()).stream()
                    .filter(r -> r.url().contains("/progress/uploads/" + job)).findFirst().orElseThrow().url();
            assertTrue(resumeUrl.contains("lastEventId="), resumeUrl);
            String cursor = java.net.URLDecoder.decode(resumeUrl.substring(resumeUrl.indexOf("lastEventId=") + 12),
                    java.nio.charset.StandardCharsets.UTF_8);
            int at = truth.indexOf(cursor);
            assertTrue(at >= before.size() - 1, "the reloaded page resumes at or after what the page had: " + cursor);
            List<String> afterReload = new ArrayList<>();
            page.evaluate("progressDemo.log.map(e => e.id)", WAIT).forEach(id -> afterReload.add(id.asText()));
            assertEquals(truth.subList(at + 1, truth.size()), afterReload, "from the event after the last id on, no gap, no repeat");
            for (int i = 0; i < before.size(); i++) {
                assertEquals(truth.get(i), before.get(i).get("id").asText());
            }
        }
    }
}
