package io.camelprogress.backplane;

import java.util.concurrent.CompletionStage;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.hub.Hub;

/**
 * Gives events their ids and brings them to the hub, in id order. The local backplane does it in
 * this process; a distributed one (Kafka) gives every node the same ids for the same events.
 */
public interface Backplane {

    /** Starts delivering accepted events to the hub; sets the hub's epoch before the first one. */
    void start(Hub hub) throws Exception;

    /**
     * Publishes an event.
     *
     * @return completes with the event and its id once the backplane accepted it, or exceptionally
     *         with the reason it could not
     */
    CompletionStage<Event> publish(EventDraft draft);

    /** Stops; events not yet accepted fail. */
    void stop() throws Exception;
}
