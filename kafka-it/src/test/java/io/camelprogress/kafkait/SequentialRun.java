package io.camelprogress.kafkait;

import java.util.stream.IntStream;

import io.camelprogress.component.ProgressConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A job as an application writes it: one route, a streaming splitter publishing event after event,
 * then a terminal {@code done} event. {@code POST /run/<stream>?count=N[&pauseAt=K]} starts it in the
 * background (it waits before event K until {@code POST /resume/<stream>}); {@code GET /report/<stream>}
 * answers {@link Runs.Run#report()}. Each event is {@code {"n":<index>,"at":<epoch millis when published>}}.
 */
final class SequentialRun extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/run/{stream}?httpMethodRestrict=POST")
                .process(exchange -> Runs.start(exchange.getMessage().getHeader("stream", String.class)))
                .to("seda:run?waitForTaskToComplete=Never")
                .setBody(constant("started"));
        from("platform-http:/resume/{stream}?httpMethodRestrict=POST")
                .process(exchange -> run(exchange).resume())
                .setBody(constant("resumed"));
        from("platform-http:/report/{stream}?httpMethodRestrict=GET")
                .process(exchange -> exchange.getMessage().setBody(run(exchange).report()));

        from("seda:run")
                .setHeader(ProgressConstants.STREAM_ID, header("stream"))
                .doTry()
                    .process(exchange -> exchange.getMessage()
                            .setBody(IntStream.range(0, exchange.getMessage().getHeader("count", Integer.class)).iterator()))
                    .split(body()).streaming().stopOnException()
                        .process(exchange -> {
                            int n = exchange.getMessage().getBody(Integer.class);
                            if (n == exchange.getMessage().getHeader("pauseAt", -1, Integer.class)) {
                                run(exchange).pause();
                            }
                            exchange.getMessage().setBody("{\"n\":" + n + ",\"at\":" + System.currentTimeMillis() + "}");
                        })
                        .to("progress:jobs")
                        .process(exchange -> run(exchange).told())
                    .end()
                    .setHeader(ProgressConstants.EVENT, constant("done"))
                    .setBody(constant("{\"done\":true}"))
                    .to("progress:jobs")
                    .process(exchange -> run(exchange).ended("done " + exchange.getMessage().getHeader(ProgressConstants.EVENT_ID)))
                .endDoTry()
                .doCatch(Exception.class)
                    .process(exchange -> run(exchange)
                            .ended("failed " + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))
                .end();
    }

    private static Runs.Run run(Exchange exchange) {
        return Runs.of(exchange.getMessage().getHeader("stream", String.class));
    }
}
