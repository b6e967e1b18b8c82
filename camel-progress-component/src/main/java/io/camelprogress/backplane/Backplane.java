package io.camelprogress.backplane;

import java.util.concurrent.CompletionStage;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.hub.EventLog;

/**
 * Gives events their ids and brings them to the hub, in id order. The local backplane does it in
 * this process; a distributed one (Kafka) gives every node the same ids for the same events.
 * <p>
 * The contract with the hub is {@link EventLog}'s: the epoch first, then for each event of this node
 * {@code reserve} before the id is given and {@code accept} with it, one at a time in id order; events
 * of other nodes are accepted without a reserve. Set one of your own with the component option
 * {@code customBackplane}.
 */
public interface Backplane {

    /** Starts delivering accepted events to the node's log; sets its epoch before the first one. */
    void start(EventLog hub) throws Exception;

    /**
     * Publishes an event.
     *
     * @return completes with the event and its id once the backplane accepted it, or with
     *         {@code null} when the backplane has taken the event on and gives its id later (the
     *         event then reaches the log in order, or a later publish of the same stream fails);
     *         exceptionally with the reason it could not be taken
     */
    CompletionStage<Event> publish(EventDraft draft);

    /** How it is doing now; read by health checks and metrics, so it must be cheap and must not block. */
    default BackplaneStatus status() {
        return BackplaneStatus.LOCAL;
    }

    /** Stops; events not yet accepted fail. */
    void stop() throws Exception;
}
