package io.camelprogress.event;

import java.util.Objects;

/**
 * The id of an event: an epoch, chosen by the backplane when it starts, and a sequence number that
 * grows by at least one for every event the backplane accepts. On the wire it is
 * {@code <epoch>-<sequence>}, for example {@code k3f9-41}; clients treat it as opaque.
 * <p>
 * Ids of the same epoch compare by sequence. Ids of different epochs do not compare: a client that
 * comes back with another epoch's id is told with a {@code reset} event.
 */
public final class EventId implements Comparable<EventId> {

    private static final int MAX_EPOCH_LENGTH = 32;

    private final String epoch;
    private final long sequence;
    private String text;

    public EventId(String epoch, long sequence) {
        if (!isValidEpoch(epoch)) {
            throw new IllegalArgumentException("Epoch must be 1 to 32 characters of [a-z0-9]: " + epoch);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("Sequence must not be negative: " + sequence);
        }
        this.epoch = epoch;
        this.sequence = sequence;
    }

    private EventId(long sequence, String checkedEpoch) {
        this.epoch = checkedEpoch;
        this.sequence = sequence;
    }

    /**
     * The id after this one, for a backplane that counts up in one epoch: no second check of the
     * epoch, no text until someone asks for it.
     */
    public EventId next() {
        return new EventId(sequence + 1, epoch);
    }

    /** An id of this epoch with another sequence, as {@link #next()} without the check. */
    public EventId withSequence(long newSequence) {
        if (newSequence < 0) {
            throw new IllegalArgumentException("Sequence must not be negative: " + newSequence);
        }
        return new EventId(newSequence, epoch);
    }

    /**
     * Parses an id as a client sent it back.
     *
     * @return the id, or {@code null} when the text is not an id of this form (a client's id is
     *         untrusted input, and a malformed one means "no id")
     */
    public static EventId parse(String text) {
        if (text == null) {
            return null;
        }
        int dash = text.lastIndexOf('-');
        if (dash <= 0 || dash == text.length() - 1 || text.length() - dash - 1 > 18) {
            return null;
        }
        String epoch = text.substring(0, dash);
        if (!isValidEpoch(epoch)) {
            return null;
        }
        long sequence = 0;
        for (int i = dash + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            sequence = sequence * 10 + (c - '0');
        }
        return new EventId(epoch, sequence);
    }

    /** Whether the text can be used as an epoch: 1 to 32 characters of {@code [a-z0-9]}. */
    public static boolean isValidEpoch(String epoch) {
        if (epoch == null || epoch.isEmpty() || epoch.length() > MAX_EPOCH_LENGTH) {
            return false;
        }
        for (int i = 0; i < epoch.length(); i++) {
            char c = epoch.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    public String epoch() {
        return epoch;
    }

    public long sequence() {
        return sequence;
    }

    @Override
    public int compareTo(EventId other) {
        return Long.compare(sequence, other.sequence);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventId && ((EventId) o).sequence == sequence && ((EventId) o).epoch.equals(epoch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, sequence);
    }

    /** The id as clients see it; built on first use (racing threads build the same text). */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = epoch + '-' + sequence;
            text = t;
        }
        return t;
    }
}
