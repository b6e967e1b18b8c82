package io.camelprogress.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import io.camelprogress.event.Event;
import io.camelprogress.event.StreamItem;

/**
 * One read of a subscriber catching up: the selected logs' events after a position, merged in
 * sequence order, up to a count and about a number of bytes. Called under the hub's lock.
 *
 * @param count    events read
 * @param position the sequence of the last event read, or the position read from when none was
 * @param atEnd    whether no selected log holds an event after {@code position}
 */
record LogRead(int count, long position, boolean atEnd) {

    static LogRead after(List<StreamLog> logs, long after, int maxEvents, long maxBytes, List<StreamItem> into) {
        if (logs.size() == 1) {
            return single(logs.get(0), after, maxEvents, maxBytes, into);
        }
        PriorityQueue<Reader> next = new PriorityQueue<>(Math.max(1, logs.size()),
                (a, b) -> Long.compare(a.peek().sequence(), b.peek().sequence()));
        for (StreamLog log : logs) {
            int index = log.indexAfter(after);
            if (index < log.size()) {
                next.add(new Reader(log, index));
            }
        }
        int count = 0;
        long bytes = 0;
        long position = after;
        while (count < maxEvents && bytes < maxBytes && !next.isEmpty()) {
            Reader reader = next.poll();
            Event event = reader.peek();
            into.add(event);
            count++;
            bytes += event.retainedSize();
            position = event.sequence();
            if (++reader.index < reader.log.size()) {
                next.add(reader);
            }
        }
        return new LogRead(count, position, next.isEmpty());
    }

    private static LogRead single(StreamLog log, long after, int maxEvents, long maxBytes, List<StreamItem> into) {
        int index = log.indexAfter(after);
        int count = 0;
        long bytes = 0;
        long position = after;
        if (into instanceof ArrayList<StreamItem> list) {
            list.ensureCapacity(list.size() + Math.min(maxEvents, log.size() - index));
        }
        while (count < maxEvents && bytes < maxBytes && index < log.size()) {
            Event event = log.get(index++);
            into.add(event);
            count++;
            bytes += event.retainedSize();
            position = event.sequence();
        }
        return new LogRead(count, position, index >= log.size());
    }

    private static final class Reader {
        final StreamLog log;
        int index;

        Reader(StreamLog log, int index) {
            this.log = log;
            this.index = index;
        }

        Event peek() {
            return log.get(index);
        }
    }
}
