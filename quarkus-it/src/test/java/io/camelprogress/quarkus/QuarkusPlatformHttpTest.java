package io.camelprogress.quarkus;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelprogress.component.ProgressComponent;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On Quarkus with camel-quarkus-platform-http, the streams are served on Quarkus's own HTTP port,
 * through its Vert.x router, and the component opens no server of its own.
 */
@QuarkusTest
@Timeout(60)
class QuarkusPlatformHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/progress/ticks/job1")
    URI job;

    @TestHTTPResource("/progress/ticks/idle")
    URI idle;

    @Inject
    CamelContext camelContext;

    @Test
    void theComponentIsAttachedToTheQuarkusRouter() {
        ProgressComponent component = camelContext.getComponent("progress", ProgressComponent.class);
        assertTrue(component.httpHost().attachedToPlatformHttp(), "attached: " + component.httpHost().where());
        assertEquals(-1, component.httpHost().port(), "no server of its own");
        // the port the component's own server would have taken had it found no router (8085 unless configured)
        int fallback = component.getPort();
        assertThrows(ConnectException.class, () -> connect(fallback), "nothing listens on the fallback port " + fallback);
    }

    @Test
    void sseOnTheQuarkusPortGetsEveryTickThenTheEnd() throws Exception {
        try (SseTestClient client = SseTestClient.open(job.toString())) {
            assertEquals(200, client.status());
            List<SseFrame> events = client.events(TickRoutes.TICKS, WAIT);
            for (int i = 0; i < TickRoutes.TICKS; i++) {
                assertEquals("{\"stream\":\"ticks/job1\",\"percent\":" + (i + 1) * 10 + ",\"current\":" + (i + 1) + ",\"total\":10,"
                             + "\"message\":\"tick " + (i + 1) + "\"}", events.get(i).data());
            }
            assertEquals("done", events.get(TickRoutes.TICKS - 1).event());
            client.awaitEnd(WAIT);
        }
    }

    @Test
    void webSocketOnTheQuarkusPortGetsEveryTick() throws Exception {
        try (WsTestClient client = WsTestClient.open("ws://" + job.getAuthority() + job.getPath())) {
            List<JsonNode> messages = client.next(TickRoutes.TICKS, WAIT);
            for (int i = 0; i < TickRoutes.TICKS; i++) {
                assertEquals(i + 1, messages.get(i).path("data").path("current").asInt(), messages.get(i).toString());
            }
            assertEquals("done", messages.get(TickRoutes.TICKS - 1).path("event").asText());
        }
    }

    @Test
    void optionsFromApplicationPropertiesTakeEffect() throws Exception {
        ProgressComponent component = camelContext.getComponent("progress", ProgressComponent.class);
        assertEquals(1000, component.getHeartbeatInterval());
        try (SseTestClient client = SseTestClient.open(idle.toString())) {
            SseFrame heartbeat = client.next(f -> f.kind() == SseFrame.Kind.COMMENT, Duration.ofSeconds(5));
            assertEquals("hb", heartbeat.data());
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
    }
}
