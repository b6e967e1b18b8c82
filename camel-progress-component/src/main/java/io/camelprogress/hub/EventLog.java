package io.camelprogress.hub;

import io.camelprogress.event.Event;

/**
 * What a {@link io.camelprogress.backplane.Backplane} sees of the hub: the node's log of streams, into
 * which it appends the events it has given ids, in id order.
 * <p>
 * The contract, for a backplane of one's own:
 * <ol>
 * <li>{@link #epoch(String)} once at start, before the first event: ids of another epoch held by a
 * reconnecting client then get a {@code reset} with reason {@code epoch}.</li>
 * <li>{@link #history(long, ReplaySource)} at start when the backplane begins reading part-way
 * through a longer log (Kafka): events before {@code knownFrom} are read back from the source.</li>
 * <li>For each event: {@link #reserve(String)} before giving it an id (it may refuse a new stream
 * when {@code maxStreams} are active; the event then gets no id and its exchange fails), then
 * {@link #accept(Event)} with the id given. Accepts come one at a time, in strictly increasing
 * sequence, from one thread at a time; an event of another node is accepted without a reserve.</li>
 * </ol>
 */
public interface EventLog {

    /** Sets the epoch of the ids the backplane gives. */
    void epoch(String epoch);

    /**
     * Says where this node's knowledge starts and where older events can be read again.
     *
     * @param knownFrom    the first sequence this node is sure to see
     * @param replaySource where events before a stream's retained log can be read, or null
     */
    void history(long knownFrom, ReplaySource replaySource);

    /**
     * Makes room for an event of a stream before it is given an id.
     *
     * @throws ProgressLimitExceededException when the stream is new and every stream held is active
     */
    void reserve(String stream);

    /** Appends an event with its id and offers it to the connections watching its stream. */
    void accept(Event event);
}
