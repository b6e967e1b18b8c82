package io.camelprogress.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.testing.FreePort;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.TestKeyStore;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS from Camel Main's global {@code camel.ssl.*}: on the component's own server through
 * {@code useGlobalSslContextParameters}, and on the platform-http server through
 * {@code camel.server.useGlobalSslContextParameters}, as the README says.
 */
@Timeout(60)
class GlobalTlsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Main mainWithGlobalTls() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.ssl.enabled", "true");
        main.addInitialProperty("camel.ssl.keyStore", "file:" + TestKeyStore.file());
        main.addInitialProperty("camel.ssl.keyStoreType", "PKCS12");
        main.addInitialProperty("camel.ssl.keystorePassword", TestKeyStore.PASSWORD);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").setHeader("CamelProgressStreamId", constant("j1")).to("progress:jobs");
            }
        });
        return main;
    }

    private static void receivesOverTls(Main main, int port, HttpClient.Version expected) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(TestKeyStore.clientContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (SseTestClient sse = SseTestClient.open(client, "https://127.0.0.1:" + port + "/progress/jobs/j1", Map.of(), 1000)) {
            assertEquals(200, sse.status());
            assertEquals(expected, sse.response().version());
            String id = main.getCamelContext().createProducerTemplate().request("direct:publish", e -> e.getMessage().setBody("tls"))
                    .getMessage().getHeader("CamelProgressEventId", String.class);
            var event = sse.events(1, WAIT).get(0);
            assertEquals(id, event.id());
            assertEquals("tls", event.data());
        }
    }

    @Test
    void theOwnServerUsesCamelSslWhenAskedFor() throws Exception {
        int port = FreePort.find();
        Main main = mainWithGlobalTls();
        main.addInitialProperty("camel.component.progress.useGlobalSslContextParameters", "true");
        main.addInitialProperty("camel.component.progress.host", "127.0.0.1");
        main.addInitialProperty("camel.component.progress.port", Integer.toString(port));
        main.start();
        try {
            ProgressComponent component = main.getCamelContext().getComponent("progress", ProgressComponent.class);
            assertFalse(component.httpHost().attachedToPlatformHttp());
            receivesOverTls(main, port, HttpClient.Version.HTTP_2);
        } finally {
            main.stop();
        }
    }

    @Test
    void platformHttpServesStreamsOverItsOwnTls() throws Exception {
        int port = FreePort.find();
        Main main = mainWithGlobalTls();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.server.useGlobalSslContextParameters", "true");
        main.start();
        try {
            ProgressComponent component = main.getCamelContext().getComponent("progress", ProgressComponent.class);
            assertTrue(component.httpHost().attachedToPlatformHttp());
            // platform-http's server offers no ALPN: HTTP/1.1 over TLS
            receivesOverTls(main, port, HttpClient.Version.HTTP_1_1);
            HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/progress/_client.js")).timeout(WAIT).build();
            boolean refused;
            try {
                refused = HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString()).statusCode() >= 400;
            } catch (java.io.IOException e) {
                refused = true;
            }
            assertTrue(refused, "no cleartext on the TLS port");
        } finally {
            main.stop();
        }
    }
}
