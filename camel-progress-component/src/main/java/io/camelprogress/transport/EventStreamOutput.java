package io.camelprogress.transport;

import java.util.List;

import io.camelprogress.event.StreamItem;
import io.vertx.core.buffer.Buffer;

/**
 * An open {@code text/event-stream} response, as its HTTP host writes it. The host picks how: the
 * same shared bytes of an item go to every subscriber.
 */
public interface EventStreamOutput {

    /** Writes items as SSE, in order, in one write where it can. */
    void write(List<StreamItem> items);

    /** Writes bytes already encoded as SSE: a {@code retry:} field, a heartbeat, an answer to this client alone. */
    void write(Buffer encoded);

    /** Whether the response holds as much unwritten data as it should. */
    boolean writeQueueFull();

    /** Runs the action once the response has drained. */
    void whenWritable(Runnable action);

    /** Ends the response cleanly. */
    void end();

    /** Closes the connection at once. */
    void abort();

    /** Runs the action when the connection closes or fails, once. */
    void onClosed(Runnable action);
}
