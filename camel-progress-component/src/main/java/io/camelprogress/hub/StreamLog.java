package io.camelprogress.hub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.camelprogress.event.Event;

/**
 * One stream's retained events, oldest first, bounded by count, bytes and age, and whether the
 * stream has completed. Not thread-safe: the {@link Hub} guards it.
 */
final class StreamLog {

    private final String name;
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private long bytes;
    /** Sequence of the newest event that was dropped from this log, -1 when none was. */
    private long droppedUpTo = -1;
    private Event terminal;
    private long lastActivityMillis;

    StreamLog(String name, long nowMillis) {
        this.name = name;
        this.lastActivityMillis = nowMillis;
    }

    String name() {
        return name;
    }

    void append(Event event, HubLimits limits, long nowMillis) {
        events.addLast(event);
        bytes += event.retainedSize();
        terminal = event.terminal() ? event : null;
        lastActivityMillis = nowMillis;
        while (events.size() > limits.maxEventsPerStream()
                || bytes > limits.maxBytesPerStream() && events.size() > 1) {
            dropOldest();
        }
    }

    /** Drops events older than the age bound, keeping a terminal event so the end stays visible. */
    void expire(long oldestAllowedMillis) {
        while (!events.isEmpty() && events.peekFirst().createdMillis() < oldestAllowedMillis
                && events.peekFirst() != terminal) {
            dropOldest();
        }
    }

    private void dropOldest() {
        Event dropped = events.removeFirst();
        bytes -= dropped.retainedSize();
        droppedUpTo = dropped.sequence();
    }

    /** Whether events after {@code sequence} were dropped before a reader asking from there saw them. */
    boolean hasGapAfter(long sequence) {
        return sequence < droppedUpTo;
    }

    /** Sequence of the newest event dropped from this log, -1 when none was. */
    long droppedUpTo() {
        return droppedUpTo;
    }

    /** Retained events whose sequence is greater than {@code sequence}, oldest first. */
    void collectAfter(long sequence, List<Event> into) {
        if (events.isEmpty() || events.peekLast().sequence() <= sequence) {
            return;
        }
        if (events.peekFirst().sequence() > sequence) {
            into.addAll(events);
            return;
        }
        List<Event> newest = new ArrayList<>();
        for (Iterator<Event> it = events.descendingIterator(); it.hasNext();) {
            Event e = it.next();
            if (e.sequence() <= sequence) {
                break;
            }
            newest.add(e);
        }
        for (int i = newest.size() - 1; i >= 0; i--) {
            into.add(newest.get(i));
        }
    }

    Iterable<Event> events() {
        return events;
    }

    int size() {
        return events.size();
    }

    long bytes() {
        return bytes;
    }

    Event last() {
        return events.peekLast();
    }

    /** The terminal event when the stream has completed (its last event is terminal), else null. */
    Event terminal() {
        return terminal;
    }

    boolean completed() {
        return terminal != null;
    }

    long lastActivityMillis() {
        return lastActivityMillis;
    }
}
