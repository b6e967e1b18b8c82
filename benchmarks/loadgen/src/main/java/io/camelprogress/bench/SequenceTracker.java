package io.camelprogress.bench;

import java.util.Arrays;

/**
 * Checks one subscriber's events against the publisher's per-lane sequence numbers.
 *
 * <p>Within a lane the server must deliver every number once, in order. A number that skips ahead
 * counts the skipped ones as missing; the same number again is a duplicate; an older one is out of
 * order (without a per-event bitmap a late event cannot be told apart from a repeated old one,
 * and both are failures).
 */
final class SequenceTracker {

    private final long[] last;
    private long missing;
    private long duplicates;
    private long outOfOrder;
    private long received;
    private long[] windowFrom;
    private long receivedInWindow;

    SequenceTracker(int lanes) {
        last = new long[lanes];
        Arrays.fill(last, -1);
    }

    void accept(int lane, long seq) {
        received++;
        if (windowFrom != null && seq >= windowFrom[lane]) {
            receivedInWindow++;
        }
        long previous = last[lane];
        if (previous < 0 || seq == previous + 1) {
            last[lane] = seq;
        } else if (seq > previous + 1) {
            missing += seq - previous - 1;
            last[lane] = seq;
        } else if (seq == previous) {
            duplicates++;
        } else {
            outOfOrder++;
        }
    }

    /** True when every lane has reached its target (a negative target means the lane is unused). */
    boolean reached(long[] targets) {
        for (int lane = 0; lane < targets.length; lane++) {
            if (targets[lane] >= 0 && last[lane] < targets[lane]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Events that never arrived at the end of the stream, given the last number published per lane
     * and the first number every subscriber had to receive.
     */
    long tailMissing(long[] targets, long[] windowStarts) {
        long total = 0;
        for (int lane = 0; lane < targets.length; lane++) {
            if (targets[lane] < 0) {
                continue;
            }
            long seen = last[lane];
            long from = seen < 0 ? windowStarts[lane] : seen + 1;
            total += Math.max(0, targets[lane] - from + 1);
        }
        return total;
    }

    /**
     * Starts counting the events published from {@code from} on (per lane), the measured window's
     * share; the array is shared by all trackers and must not change afterwards.
     */
    void countFrom(long[] from) {
        windowFrom = from;
        receivedInWindow = 0;
    }

    /** @return events received that were published in the window counted by {@link #countFrom} */
    long receivedInWindow() {
        return receivedInWindow;
    }

    long last(int lane) {
        return last[lane];
    }

    long missing() {
        return missing;
    }

    long duplicates() {
        return duplicates;
    }

    long outOfOrder() {
        return outOfOrder;
    }

    long received() {
        return received;
    }
}
