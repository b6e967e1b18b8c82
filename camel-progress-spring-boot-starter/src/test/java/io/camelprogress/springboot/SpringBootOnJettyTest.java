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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.embedded.jetty.JettyWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same application on Jetty 12 instead of Tomcat (run in the Jetty execution, where Jetty's
 * jars are on the classpath): the streams on {@code server.port} over SSE and WebSocket, the
 * heartbeat from application.properties, Spring Security in front.
 */
@SpringBootTest(classes = { SampleApplication.class, SpringBootOnJettyTest.OnJetty.class },
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(60)
class SpringBootOnJettyTest extends SampleApplicationTestBase {

    /** Jetty as the application's servlet container. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OnJetty {

        @Bean
        JettyServletWebServerFactory jetty() {
            return new JettyServletWebServerFactory();
        }
    }

    @Autowired
    ServletWebServerApplicationContext application;

    @Test
    void streamsOnJettyOverSseAndWebSocket() throws Exception {
        assertInstanceOf(JettyWebServer.class, application.getWebServer(), "the application runs on Jetty");
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
    void springSecurityOnJetty() throws Exception {
        assertEquals(401, get(url("private/job1"), Map.of("Accept", "application/json")).statusCode());
        String basic = "Basic " + Base64.getEncoder().encodeToString("ann:secret".getBytes(StandardCharsets.UTF_8));
        try (SseTestClient client = SseTestClient.open(url("private/job1"), Map.of("Authorization", basic))) {
            assertEquals(200, client.status());
        }
    }
}
