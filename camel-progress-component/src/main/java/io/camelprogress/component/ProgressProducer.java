package io.camelprogress.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.camelprogress.backplane.Backplane;
import io.camelprogress.event.Event;
import io.camelprogress.security.ProgressTickets;
import io.camelprogress.transport.ConnectionRegistry;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Publishes each exchange as an event. The exchange completes once the backplane accepted the
 * event, with {@code CamelProgressEventId} set (and, when streams are private by ticket,
 * {@code CamelProgressTicket}: a ticket for the exchange's stream to hand to its page); it never
 * waits on a subscriber's socket. With {@code payload=progress} the endpoint's sampler may thin an
 * exchange out or hold its event; such an exchange completes at once without an event id.
 */
public class ProgressProducer extends DefaultAsyncProducer {

    private final ProgressEndpoint endpoint;
    /** Makes an event of an exchange. */
    private EventDraftFactory drafts;
    /** Gives the event its id. */
    private Backplane backplane;
    /** The connections an answer to one of them goes to. */
    private ConnectionRegistry connections;
    /** Issues the ticket of each exchange's stream; null when streams are not private by ticket. */
    private ProgressTickets tickets;
    /** Thins payload=progress events; null when every event goes. */
    private ProgressSampler sampler;

    public ProgressProducer(ProgressEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ProgressRuntime runtime = endpoint.runtime();
        drafts = runtime.drafts();
        backplane = runtime.backplane();
        connections = runtime.connections();
        tickets = runtime.tickets();
        sampler = endpoint.sampler();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletionStage<Event> accepted;
        try {
            EventDraftFactory.Head head = drafts.head(exchange, endpoint);
            if (tickets != null) {
                exchange.getMessage().setHeader(ProgressConstants.TICKET, tickets.issue(head.stream()));
            }
            String connectionKey = exchange.getMessage().getHeader(ProgressConstants.CONNECTION_KEY, String.class);
            if (connectionKey != null) {
                // an answer to one connection: it bypasses the log, so it has no id and no replay
                connections.send(connectionKey, drafts.create(exchange, endpoint));
                callback.done(true);
                return true;
            }
            if (sampler != null) {
                ProgressReading reading = drafts.reading(exchange, head.stream());
                accepted = sampler.offer(reading, head.name(), head.terminal(), () -> drafts.progressDraft(head, reading));
                if (accepted == null) {
                    // thinned out or held for the end of the interval: the exchange gets no event id
                    callback.done(true);
                    return true;
                }
            } else {
                accepted = backplane.publish(drafts.create(exchange, endpoint));
            }
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
