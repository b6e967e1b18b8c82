package io.camelprogress.hub;

import io.camelprogress.event.Event;

/**
 * One stream's retained events, oldest first, bounded by count, bytes and age, and whether the
 * stream has completed. Events are held in a ring, in increasing sequence, so that a reader at any
 * position finds its place by binary search. Not thread-safe: the {@link Hub} guards it.
 */
final class StreamLog {

    private static final int INITIAL_CAPACITY = 16;

    private final String name;
    private Event[] ring = new Event[INITIAL_CAPACITY];
    private int head;
    private int size;
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
        if (size == ring.length) {
            grow(limits.maxEventsPerStream());
        }
        if (size == ring.length) {
            dropOldest();
        }
        ring[(head + size) % ring.length] = event;
        size++;
        bytes += event.retainedSize();
        terminal = event.terminal() ? event : null;
        lastActivityMillis = nowMillis;
        while (size > limits.maxEventsPerStream() || bytes > limits.maxBytesPerStream() && size > 1) {
            dropOldest();
        }
    }

    /** Doubles the ring up to the count bound: a stream that holds few events costs a small array. */
    private void grow(int maxEvents) {
        if (ring.length >= maxEvents) {
            return;
        }
        Event[] bigger = new Event[(int) Math.min(maxEvents, ring.length * 2L)];
        for (int i = 0; i < size; i++) {
            bigger[i] = get(i);
        }
        ring = bigger;
        head = 0;
    }

    /** Drops events older than the age bound, keeping a terminal event so the end stays visible. */
    void expire(long oldestAllowedMillis) {
        while (size > 0 && get(0).createdMillis() < oldestAllowedMillis && get(0) != terminal) {
            dropOldest();
        }
    }

    private void dropOldest() {
        Event dropped = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
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

    /** The retained event at {@code index}, 0 being the oldest. */
    Event get(int index) {
        return ring[(head + index) % ring.length];
    }

    /** The index of the oldest retained event whose sequence is greater than {@code sequence}; {@link #size()} when none is. */
    int indexAfter(long sequence) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (get(mid).sequence() <= sequence) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    int size() {
        return size;
    }

    long bytes() {
        return bytes;
    }

    Event last() {
        return size == 0 ? null : get(size - 1);
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
