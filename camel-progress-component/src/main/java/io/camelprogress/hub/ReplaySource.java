package io.camelprogress.hub;

import java.util.List;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventId;

/**
 * Where events older than a hub's memory can be read again, such as the backplane's Kafka topic.
 * The hub asks it when a client resumes from further back than its logs reach.
 */
public interface ReplaySource {

    /**
     * Reads the events of the selection with sequences after {@code afterSequence} up to and
     * including {@code upToSequence}, in order, into the target; asynchronously, never on the
     * caller's thread.
     */
    void replay(StreamSelection selection, long afterSequence, long upToSequence, DeepReplay target);

    /** Receives what a {@link ReplaySource} read. */
    interface DeepReplay {

        /**
         * Hands over one event; blocks while the subscriber has not taken the previous ones.
         *
         * @return false when the subscriber is gone or stalled: stop reading
         */
        boolean offer(Event event) throws InterruptedException;

        /** The source does not reach back to the cursor either: the client gets a reset first. */
        void gap(List<String> streams, EventId resumeFrom);

        /** Everything up to the requested sequence was handed over; live events follow. */
        void done();

        /** Reading failed; the connection is closed so that the client resumes again. */
        void failed(Throwable cause);
    }
}
