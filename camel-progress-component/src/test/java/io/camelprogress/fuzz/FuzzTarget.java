package io.camelprogress.fuzz;

import java.util.function.Consumer;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.component.ProgressConstants;
import io.camelprogress.testing.FreePort;
import io.camelprogress.testing.ProgressServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * A running server to fuzz: the component's own Vert.x server, or the platform-http server of a Camel Main
 * application. Both publish with {@code direct:publish} into {@code progress:up}, and take messages from browsers
 * with a {@code from("progress:up")} route.
 */
abstract class FuzzTarget implements AutoCloseable {

    /** Long-polls are held at most this long, so that a fuzz case's answer comes quickly. */
    static final String LONG_POLL_TIMEOUT = "1s";
    /**
     * A client that pipelines garbage behind an SSE request and vanishes is seen gone only at the next write (Vert.x
     * stops reading the connection): heartbeats every second let the after-run checks see every subscriber leave.
     */
    static final long HEARTBEAT_MILLIS = 1_000;

    abstract String name();

    /** Whether the server closes a connection whose request head does not come whole in time (requestHeadTimeout). */
    abstract boolean boundsRequestHeads();

    abstract int port();

    abstract ProgressComponent component();

    abstract CamelContext context();

    private ProducerTemplate template;

    /** Publishes to {@code up/<streamId>} and returns the event's id. */
    String publish(String streamId, Object body) {
        if (template == null) {
            template = context().createProducerTemplate();
        }
        Exchange exchange = template.request("direct:publish", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(ProgressConstants.STREAM_ID, streamId);
        });
        if (exchange.getException() != null) {
            throw new IllegalStateException(exchange.getException());
        }
        return exchange.getMessage().getHeader(ProgressConstants.EVENT_ID, String.class);
    }

    static RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").to("progress:up");
                from("progress:up").setBody(constant("ok"));
            }
        };
    }

    /** The component's own Vert.x server on a free loopback port. */
    static FuzzTarget ownServer(Consumer<ProgressComponent> configure) throws Exception {
        ProgressServer server = new ProgressServer(c -> {
            c.setLongPollTimeout(1_000);
            c.setHeartbeatInterval(HEARTBEAT_MILLIS);
            // shorter than a run, so that the clients trickling their headers are closed before it ends
            c.setRequestHeadTimeout(3_000);
            configure.accept(c);
        });
        server.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("progress:up").setBody(constant("ok"));
            }
        });
        return new FuzzTarget() {
            @Override
            String name() {
                return "own Vert.x server";
            }

            @Override
            boolean boundsRequestHeads() {
                return true;
            }

            @Override
            int port() {
                return server.port();
            }

            @Override
            ProgressComponent component() {
                return server.component();
            }

            @Override
            CamelContext context() {
                return server.context();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /** A Camel Main application whose platform-http server serves the streams. */
    static FuzzTarget camelMain() throws Exception {
        int port = FreePort.find();
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.progress.longPollTimeout", LONG_POLL_TIMEOUT);
        main.addInitialProperty("camel.component.progress.heartbeatInterval", HEARTBEAT_MILLIS + "ms");
        main.configure().addRoutesBuilder(routes());
        main.start();
        return new FuzzTarget() {
            @Override
            String name() {
                return "Camel Main platform-http server";
            }

            @Override
            boolean boundsRequestHeads() {
                return false;
            }

            @Override
            int port() {
                return port;
            }

            @Override
            ProgressComponent component() {
                return main.getCamelContext().getComponent("progress", ProgressComponent.class);
            }

            @Override
            CamelContext context() {
                return main.getCamelContext();
            }

            @Override
            public void close() {
                main.stop();
            }
        };
    }
}
