package io.camelprogress.component;

import java.util.ArrayList;
import java.util.List;

import io.camelprogress.testing.FreePort;
import io.camelprogress.testing.SseTestClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.DefaultComponentResolver;
import org.apache.camel.main.Main;
import org.apache.camel.spi.ComponentResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streams are served on the application's platform-http port even when no route uses
 * platform-http: Camel Main with {@code camel.server.enabled=true}; and the component resolves the
 * platform-http component at start, which is what makes Camel JBang start its HTTP server.
 */
@Timeout(60)
class PlatformHttpServerRequestTest {

    /** Records the components a CamelContext resolves, as JBang's resolver sees them. */
    private static final class RecordingResolver extends DefaultComponentResolver {
        final List<String> resolved = new ArrayList<>();

        @Override
        public Component resolveComponent(String name, CamelContext context) {
            resolved.add(name);
            return super.resolveComponent(name, context);
        }
    }

    private static List<String> resolvedAtStart(boolean attach) throws Exception {
        RecordingResolver resolver = new RecordingResolver();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().addContextPlugin(ComponentResolver.class, resolver);
            ProgressComponent progress = new ProgressComponent();
            progress.setAttachToPlatformHttp(attach);
            progress.setHost("127.0.0.1");
            progress.setPort(0);
            context.addComponent("progress", progress);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:work").to("progress:jobs");
                }
            });
            context.start();
            return List.copyOf(resolver.resolved);
        }
    }

    @Test
    void theComponentAsksForThePlatformHttpComponentAtStart() throws Exception {
        assertTrue(resolvedAtStart(true).contains("platform-http"), "resolved: " + resolvedAtStart(true));
        assertFalse(resolvedAtStart(false).contains("platform-http"), "not with attachToPlatformHttp=false");
    }

    @Test
    void camelMainWithTheServerEnabledServesStreamsOnItsPortWithoutAPlatformHttpRoute() throws Exception {
        int port = FreePort.find();
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:work").to("progress:jobs?streamId=j1");
            }
        });
        main.start();
        try {
            ProgressComponent component = main.getCamelContext().getComponent("progress", ProgressComponent.class);
            assertTrue(component.httpHost().attachedToPlatformHttp());
            try (SseTestClient client = SseTestClient.open("http://127.0.0.1:" + port + "/progress/jobs/j1")) {
                assertEquals(200, client.status());
                main.getCamelContext().createProducerTemplate().sendBody("direct:work", "hello");
                assertEquals("hello", client.events(1, java.time.Duration.ofSeconds(10)).get(0).data());
            }
        } finally {
            main.stop();
        }
    }
}
