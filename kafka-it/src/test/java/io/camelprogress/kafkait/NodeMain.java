package io.camelprogress.kafkait;

import io.camelprogress.component.ProgressConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * One node of the multi-node tests: a Camel Main application with the Kafka backplane, run as its
 * own JVM. Arguments: HTTP port, brokers, topic, then any {@code key=value} Camel properties.
 */
public final class NodeMain {

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.main.name", "node-" + args[0]);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", args[0]);
        main.addInitialProperty("camel.component.progress.backplane", "kafka");
        main.addInitialProperty("camel.component.kafka.brokers", args[1]);
        main.addInitialProperty("camel.component.progress.kafkaTopic", args[2]);
        main.addInitialProperty("camel.component.progress.heartbeatInterval", "2s");
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            main.addInitialProperty(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // a failed publish answers 500 with the reason, as an application would show it
                onException(Exception.class).handled(true)
                        .setHeader("CamelHttpResponseCode", constant(500))
                        .setBody(exceptionMessage());

                from("platform-http:/ready").setBody(constant("ready"));

                // one event: POST /publish/<stream>[?event=<name>] answers the event's id once Kafka acknowledged it,
                // or "handed on" when the backplane gives it later
                from("platform-http:/publish/{stream}?httpMethodRestrict=POST")
                        .convertBodyTo(String.class)
                        .setHeader(ProgressConstants.STREAM_ID, header("stream"))
                        .setHeader(ProgressConstants.EVENT, header("event"))
                        .to("progress:jobs")
                        .choice()
                            .when(header(ProgressConstants.EVENT_ID).isNotNull()).setBody(header(ProgressConstants.EVENT_ID))
                            .otherwise().setBody(constant("handed on"))
                        .end();

                // a burst: POST /burst?count=N&streams=S publishes N events round-robin over S streams, in the background
                from("platform-http:/burst?httpMethodRestrict=POST")
                        .to("seda:burst?waitForTaskToComplete=Never")
                        .setBody(constant("started"));
                from("seda:burst")
                        .loop(header("count"))
                            .process(exchange -> {
                                int index = exchange.getProperty("CamelLoopIndex", Integer.class);
                                int streams = exchange.getMessage().getHeader("streams", Integer.class);
                                exchange.getMessage().setHeader(ProgressConstants.STREAM_ID, "s" + index % streams);
                                exchange.getMessage().setBody("{\"n\":" + index / streams + "}");
                            })
                            .to("progress:jobs")
                        .end();
            }
        });
        main.configure().addRoutesBuilder(new SequentialRun());
        main.run();
    }
}
