package io.camelprogress.testing;

import java.util.Map;

import io.camelprogress.component.ProgressComponent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * A Camel Main application with the platform-http Vert.x server on a free loopback port, the
 * progress component attached to it, and a {@code from("progress:up")} route that answers each
 * message, for tests of what differs when the server is platform-http's and not the component's.
 */
public final class PlatformHttpApp implements AutoCloseable {

    private final Main main;
    private final int port;

    /** @param progressOptions {@code camel.component.progress.*} options, without the prefix */
    public PlatformHttpApp(Map<String, String> progressOptions) throws Exception {
        port = FreePort.find();
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        progressOptions.forEach((name, value) -> main.addInitialProperty("camel.component.progress." + name, value));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("progress:up").setBody(constant("ok"));
            }
        });
        main.start();
        ProgressComponent component = main.getCamelContext().getComponent("progress", ProgressComponent.class);
        if (!component.httpHost().attachedToPlatformHttp()) {
            main.stop();
            throw new IllegalStateException("The progress component did not attach to the platform-http server");
        }
    }

    public int port() {
        return port;
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + "/progress/" + pathAndQuery;
    }

    @Override
    public void close() {
        main.stop();
    }
}
