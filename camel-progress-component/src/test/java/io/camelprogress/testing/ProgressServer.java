package io.camelprogress.testing;

import java.util.Map;
import java.util.function.Consumer;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.component.ProgressConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A CamelContext with the progress component serving at a free loopback port (on its own HTTP
 * server, or on the {@link HostUnderTest} the classpath names), and a {@code direct:publish} route
 * into {@code progress:up}, for tests.
 */
public final class ProgressServer implements AutoCloseable {

    private final CamelContext context;
    private final ProducerTemplate template;
    private final ProgressComponent component;

    public ProgressServer(Consumer<ProgressComponent> configure) throws Exception {
        context = new DefaultCamelContext();
        component = TestComponents.addProgress(context, configure);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").to("progress:up");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    public ProgressServer() throws Exception {
        this(c -> {
        });
    }

    public ProgressComponent component() {
        return component;
    }

    public CamelContext context() {
        return context;
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + TestComponents.port(component) + "/progress/" + pathAndQuery;
    }

    public String wsUrl(String pathAndQuery) {
        return "ws://127.0.0.1:" + TestComponents.port(component) + "/progress/" + pathAndQuery;
    }

    /** The host the streams are served on. */
    public HostUnderTest host() {
        return TestComponents.host(component);
    }

    public int port() {
        return TestComponents.port(component);
    }

    /** Publishes to {@code up/<streamId>} and returns the event id. */
    public String publish(String streamId, String event, Object body) {
        Exchange exchange = template.request("direct:publish", e -> {
            e.getMessage().setBody(body);
            if (streamId != null) {
                e.getMessage().setHeader(ProgressConstants.STREAM_ID, streamId);
            }
            if (event != null) {
                e.getMessage().setHeader(ProgressConstants.EVENT, event);
            }
        });
        if (exchange.getException() != null) {
            throw new IllegalStateException(exchange.getException());
        }
        return exchange.getMessage().getHeader(ProgressConstants.EVENT_ID, String.class);
    }

    /** Publishes with extra headers and returns the exchange, failed or not. */
    public Exchange send(Object body, Map<String, Object> headers) {
        return template.request("direct:publish", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    @Override
    public void close() {
        context.stop();
    }
}
