package io.camelprogress.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.testing.FreePort;
import io.camelprogress.testing.SseTestClient;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a Camel Main application with the platform-http server, streams are served on the
 * application's own port, beside its platform-http routes, and no second server is started.
 */
@Timeout(60)
class PlatformHttpAttachTest {

    @Test
    void streamsShareThePlatformHttpPort() throws Exception {
        int port = FreePort.find();
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.progress.heartbeatInterval", "2s");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/publish/{job}?httpMethodRestrict=POST")
                        .setHeader("CamelProgressStreamId", header("job"))
                        .to("progress:jobs")
                        .setBody(header("CamelProgressEventId"));
            }
        });
        main.start();
        try {
            ProgressComponent component = main.getCamelContext().getComponent("progress", ProgressComponent.class);
            assertTrue(component.httpHost().attachedToPlatformHttp(), "attached to the platform-http router");
            assertEquals(-1, component.httpHost().port(), "no server of its own");
            assertEquals(2000, component.getHeartbeatInterval(), "duration syntax in properties");

            try (SseTestClient client = SseTestClient.open("http://127.0.0.1:" + port + "/progress/jobs/j1")) {
                assertEquals(200, client.status());
                HttpResponse<String> published = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/publish/j1"))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"percent\":5}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, published.statusCode());
                var event = client.events(1, Duration.ofSeconds(10)).get(0);
                assertEquals("{\"percent\":5}", event.data());
                assertEquals(published.body(), event.id());
            }
        } finally {
            main.stop();
        }
    }
}
