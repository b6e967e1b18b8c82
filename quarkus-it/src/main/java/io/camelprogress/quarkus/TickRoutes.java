package io.camelprogress.quarkus;

import io.camelprogress.component.ProgressConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A job that counts to {@value #TICKS}, one tick at a time: each tick is a progress event of stream
 * {@code ticks/job1}, and the last, a {@code done}, ends the stream. Camel Quarkus finds this class
 * itself: a route builder on the application's classpath needs no registration.
 */
public class TickRoutes extends RouteBuilder {

    static final int TICKS = 10;

    @Override
    public void configure() {
        from("timer:tick?period=200&includeMetadata=true&repeatCount=" + TICKS)
                .setHeader(ProgressConstants.STREAM_ID, constant("job1"))
                .setHeader(ProgressConstants.CURRENT, exchangeProperty(Exchange.TIMER_COUNTER))
                .setHeader(ProgressConstants.TOTAL, constant(TICKS))
                .filter(exchangeProperty(Exchange.TIMER_COUNTER).isEqualTo(TICKS))
                    .setHeader(ProgressConstants.EVENT, constant("done"))
                .end()
                .setBody(simple("tick ${exchangeProperty.CamelTimerCounter}"))
                .to("progress:ticks?payload=progress");
    }
}
