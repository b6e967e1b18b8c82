package io.camelprogress.examples.timer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelprogress.component.ProgressComponent;
import io.camelprogress.event.EventId;
import io.camelprogress.testing.browser.HeadlessChromium;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo application in a real headless Chromium: the page shows jobs finishing, and the
 * browser's own EventSource resumes after the server drops it without losing or repeating an
 * event, then stops for good once the stream is done.
 */
@Timeout(120)
class DemoInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Main main;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        main = new Main(TimerDemo.class);
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("camel.server.port", Integer.toString(port));
        main.addOverrideProperty("demo.period", "40");
        main.addOverrideProperty("camel.component.progress.retryInterval", "300ms");
        main.start();
    }

    @AfterAll
    static void stop() {
        main.stop();
    }

    @Test
    void pageShowsJobsFinishing() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.open("http://127.0.0.1:" + port + "/")) {
            try {
                chromium.awaitTrue("document.querySelector('.job.done')", WAIT);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; page: " + chromium.evaluate("document.body.innerHTML", WAIT), e);
            }
            String log = chromium.evaluate("document.getElementById('log').textContent", WAIT).asText();
            assertTrue(log.contains(" done {\"stream\":\"demo/job"), log);
        }
    }

    @Test
    void browserEventSourceResumesAfterADropAndStopsAtTheEnd() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.open("http://127.0.0.1:" + port + "/")) {
            chromium.evaluate("""
                    window.got = []; window.opens = 0;
                    window.es = new EventSource('/progress/demo/browser');
                    es.onopen = () => opens++;
                    for (const name of ['progress', 'done']) {
                      es.addEventListener(name, e => got.push({ id: e.lastEventId, type: e.type, data: e.data }));
                    }
                    'listening'""", WAIT);
            chromium.awaitTrue("window.opens === 1", WAIT);
            for (int i = 0; i < 3; i++) {
                publish("line " + i + "\nsecond line", "");
            }
            chromium.awaitTrue("window.got.length === 3", WAIT);

            ProgressComponent progress = main.getCamelContext().getComponent("progress", ProgressComponent.class);
            // ours, and the demo page's own EventSource on demo/*
            assertEquals(2, progress.hub().disconnect("demo/browser"), "the browser's connections were dropped");
            for (int i = 3; i < 6; i++) {
                publish("line " + i + "\nsecond line", "");
            }
            chromium.awaitTrue("window.got.length === 6", WAIT);
            publish("finished", "?event=done");
            chromium.awaitTrue("window.got.length === 7 && window.es.readyState === EventSource.CLOSED", WAIT);

            JsonNode got = chromium.evaluate("window.got", WAIT);
            for (int i = 0; i < 6; i++) {
                assertEquals("line " + i + "\nsecond line", got.get(i).get("data").asText());
                if (i > 0) {
                    // the demo's own jobs publish in between, so ids grow but do not run consecutively
                    assertTrue(EventId.parse(got.get(i - 1).get("id").asText()).sequence()
                               < EventId.parse(got.get(i).get("id").asText()).sequence(), "ids grow across the drop");
                }
            }
            assertEquals("done", got.get(6).get("type").asText());
            assertTrue(chromium.evaluate("window.opens", WAIT).asInt() >= 2, "the browser reconnected by itself");
        }
    }

    private static void publish(String body, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/publish/browser" + query))
                        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }
}
