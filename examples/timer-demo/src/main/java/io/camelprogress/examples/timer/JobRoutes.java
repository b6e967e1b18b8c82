package io.camelprogress.examples.timer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.camelprogress.component.ProgressConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A pretend job runner: every half second the current job moves on 5%; at 100% it ends with a
 * {@code done} event and the next job starts. Each job is stream {@code demo/job<N>}.
 */
public class JobRoutes extends RouteBuilder {

    private static final int STEPS = 20;

    @Override
    public void configure() throws Exception {
        from("timer:jobs?includeMetadata=true&period={{demo.period:500}}").routeId("demo-jobs")
                .process(this::nextStep)
                .to("progress:demo?payload=progress");

        from("platform-http:/?httpMethodRestrict=GET").routeId("demo-page")
                .setHeader(Exchange.CONTENT_TYPE, constant("text/html; charset=utf-8"))
                .setBody(constant(page()));
    }

    private static String page() throws IOException {
        try (InputStream in = JobRoutes.class.getResourceAsStream("/index.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void nextStep(Exchange exchange) {
        long tick = exchange.getProperty(Exchange.TIMER_COUNTER, Long.class) - 1;
        long job = tick / (STEPS + 1) + 1;
        long step = tick % (STEPS + 1);
        var message = exchange.getMessage();
        message.setHeader(ProgressConstants.STREAM_ID, "job" + job);
        message.setHeader(ProgressConstants.CURRENT, step);
        message.setHeader(ProgressConstants.TOTAL, STEPS);
        message.setHeader(ProgressConstants.STAGE, step < STEPS / 2 ? "scanning" : "storing");
        if (step == STEPS) {
            message.setHeader(ProgressConstants.EVENT, "done");
            message.setBody("job" + job + " finished");
        } else {
            message.setBody("job" + job + " step " + step + " of " + STEPS);
        }
    }
}
