package io.camelprogress.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Publishes each exchange as an event. The exchange completes once the backplane accepted the
 * event, with {@code CamelProgressEventId} set; it never waits on a subscriber's socket.
 */
public class ProgressProducer extends DefaultAsyncProducer {

    private final ProgressEndpoint endpoint;

    public ProgressProducer(ProgressEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletionStage<Event> accepted;
        try {
            EventDraft draft = endpoint.getComponent().draftFactory().create(exchange, endpoint);
            String connectionKey = exchange.getMessage().getHeader(ProgressConstants.CONNECTION_KEY, String.class);
            if (connectionKey != null) {
                // an answer to one connection: it bypasses the log, so it has no id and no replay
                endpoint.getComponent().connections().send(connectionKey, draft);
                callback.done(true);
                return true;
            }
            accepted = endpoint.getComponent().backplane().publish(draft);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        CompletableFuture<Event> future = accepted.toCompletableFuture();
        if (future.isDone()) {
            complete(exchange, future);
            callback.done(true);
            return true;
        }
        future.whenComplete((event, error) -> {
            complete(exchange, future);
            callback.done(false);
        });
        return false;
    }

    private static void complete(Exchange exchange, CompletableFuture<Event> future) {
        try {
            Event event = future.join();
            if (event != null) {
                exchange.getMessage().setHeader(ProgressConstants.EVENT_ID, event.id().toString());
            }
        } catch (CompletionException e) {
            exchange.setException(e.getCause());
        }
    }
}
