package io.camelprogress.springboot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.WsTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample application on a servlet container other than Tomcat (run in that container's
 * execution, where its jars are on the classpath): the streams on {@code server.port} over SSE and
 * WebSocket, the heartbeat from application.properties, Spring Security in front.
 */
@Timeout(60)
abstract class SpringBootOnOtherContainerTestBase extends SampleApplicationTestBase {

    /** The web server the subclass's container configuration gives the application. */
    abstract Class<? extends WebServer> expectedWebServer();

    @Autowired
    ServletWebServerApplicationContext application;

    @Test
    void streamsOverSseAndWebSocket() throws Exception {
        assertInstanceOf(expectedWebServer(), application.getWebServer(), "the application runs on the container under test");
        assertTrue(progress().httpHost().where().endsWith("on the servlet container"));
        try (SseTestClient client = SseTestClient.open(url("sb/job1"))) {
            assertEquals(200, client.status());
            assertTrue(client.next(SseFrame::isEvent, WAIT).data().startsWith("{\"percent\":"));
        }
        try (WsTestClient ws = WsTestClient.open(wsUrl("sb/job1"))) {
            assertEquals("sb/job1", ws.next(WAIT).get("stream").asText());
        }
        try (SseTestClient quiet = SseTestClient.open(url("sb/quiet"))) {
            assertEquals("hb", quiet.next(f -> f.kind() == SseFrame.Kind.COMMENT, Duration.ofSeconds(5)).data());
        }
    }

    @Test
    void springSecurityInFront() throws Exception {
        assertEquals(401, get(url("private/job1"), Map.of("Accept", "application/json")).statusCode());
        String basic = "Basic " + Base64.getEncoder().encodeToString("ann:secret".getBytes(StandardCharsets.UTF_8));
        try (SseTestClient client = SseTestClient.open(url("private/job1"), Map.of("Authorization", basic))) {
            assertEquals(200, client.status());
        }
    }
}
