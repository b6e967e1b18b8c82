package io.camelprogress.bench;

import java.util.Arrays;

/**
 * Incremental parser for a {@code text/event-stream} body, fed with raw bytes as they arrive.
 *
 * <p>Follows the WHATWG "Server-sent events" interpretation rules (lines end with CR, LF or CRLF;
 * {@code data}, {@code id}, {@code event} and {@code retry} fields; comments start with a colon).
 * It works on byte arrays it owns and reuses, so receiving an event allocates nothing: with
 * thousands of subscribers on one thread, a String per line would dominate the client's cost.
 * One instance per connection; not thread-safe.
 */
public final class SseParser {

    /** Receives what the parser finds. Arrays passed in are reused afterwards: copy what must outlive a call. */
    public interface Listener {

        /**
         * A complete event was dispatched (an empty line ended an event with at least one data line).
         *
         * @param data       the event's data, lines joined with LF, without a trailing LF
         * @param dataLength number of valid bytes in {@code data}
         */
        void onEvent(byte[] data, int dataLength);

        /** A comment line (for example a heartbeat {@code : hb}) was read. */
        default void onComment() {
        }

        /**
         * A {@code retry:} field with a valid number was read.
         *
         * @param millis the reconnection time the server asks for
         */
        default void onRetry(long millis) {
        }
    }

    /** A longer line is cut here: the load generator must not be made to grow without bound. */
    private static final int MAX_LINE = 64 * 1024;
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] ID = {'i', 'd'};
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
    private static final byte[] RETRY = {'r', 'e', 't', 'r', 'y'};

    private final Listener listener;
    private byte[] line = new byte[128];
    private int lineLength;
    private boolean afterCr;
    private byte[] data = new byte[128];
    private int dataLength;
    private boolean hasData;
    private byte[] lastEventId = new byte[32];
    private int lastEventIdLength;
    private byte[] eventName = new byte[16];
    private int eventNameLength;
    private long truncatedLines;

    /**
     * Creates a parser.
     *
     * @param listener receives events, comments and retry values
     */
    public SseParser(Listener listener) {
        this.listener = listener;
    }

    /**
     * Feeds the next bytes of the stream; they may end anywhere, even inside a line or a CRLF pair.
     *
     * @param bytes  source array
     * @param offset first byte to read
     * @param length number of bytes to read
     */
    public void feed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int start = offset;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b != '\n' && b != '\r') {
                afterCr = false;
                continue;
            }
            if (b == '\n' && afterCr) {
                // Second half of a CRLF whose CR already ended the line.
                afterCr = false;
                start = i + 1;
                continue;
            }
            appendToLine(bytes, start, i - start);
            processLine();
            lineLength = 0;
            start = i + 1;
            afterCr = b == '\r';
        }
        appendToLine(bytes, start, end - start);
    }

    /**
     * The last event id seen on this stream (what a client resends as {@code Last-Event-ID}).
     *
     * @return the id, or {@code null} if the stream never carried one
     */
    public String lastEventId() {
        return lastEventIdLength == 0 ? null
                : new String(lastEventId, 0, lastEventIdLength, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Whether the event being dispatched has this {@code event:} name; valid during {@link Listener#onEvent}.
     *
     * @param name the name as ASCII bytes
     * @return true if the event's name is {@code name}
     */
    public boolean eventNameIs(byte[] name) {
        return Arrays.equals(eventName, 0, eventNameLength, name, 0, name.length);
    }

    /**
     * Number of lines longer than the parser accepts, cut at that length.
     *
     * @return count of truncated lines
     */
    public long truncatedLines() {
        return truncatedLines;
    }

    /** Forgets a half-read line and event, as a client does when a connection is replaced. */
    public void resetPartialInput() {
        lineLength = 0;
        afterCr = false;
        dataLength = 0;
        hasData = false;
        eventNameLength = 0;
    }

    private void appendToLine(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        int room = MAX_LINE - lineLength;
        if (length > room) {
            truncatedLines++;
            length = room;
        }
        line = ensureCapacity(line, lineLength + length);
        System.arraycopy(bytes, offset, line, lineLength, length);
        lineLength += length;
    }

    private void processLine() {
        if (lineLength == 0) {
            dispatch();
            return;
        }
        if (line[0] == ':') {
            listener.onComment();
            return;
        }
        int colon = indexOf(line, lineLength, (byte) ':');
        int nameLength = colon < 0 ? lineLength : colon;
        int valueStart = colon < 0 ? lineLength : colon + 1;
        if (valueStart < lineLength && line[valueStart] == ' ') {
            valueStart++;
        }
        int valueLength = lineLength - valueStart;
        if (fieldIs(DATA, nameLength)) {
            int needed = dataLength + valueLength + (hasData ? 1 : 0);
            data = ensureCapacity(data, needed);
            if (hasData) {
                data[dataLength++] = '\n';
            }
            System.arraycopy(line, valueStart, data, dataLength, valueLength);
            dataLength += valueLength;
            hasData = true;
        } else if (fieldIs(ID, nameLength)) {
            if (indexOf(line, lineLength, (byte) 0) < 0) {
                lastEventId = ensureCapacity(lastEventId, valueLength);
                System.arraycopy(line, valueStart, lastEventId, 0, valueLength);
                lastEventIdLength = valueLength;
            }
        } else if (fieldIs(EVENT, nameLength)) {
            eventName = ensureCapacity(eventName, valueLength);
            System.arraycopy(line, valueStart, eventName, 0, valueLength);
            eventNameLength = valueLength;
        } else if (fieldIs(RETRY, nameLength)) {
            long millis = parseDigits(line, valueStart, lineLength);
            if (millis >= 0) {
                listener.onRetry(millis);
            }
        }
    }

    private void dispatch() {
        if (hasData) {
            listener.onEvent(data, dataLength);
        }
        dataLength = 0;
        hasData = false;
        eventNameLength = 0;
    }

    private boolean fieldIs(byte[] name, int nameLength) {
        return nameLength == name.length && Arrays.equals(line, 0, nameLength, name, 0, nameLength);
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static long parseDigits(byte[] bytes, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static byte[] ensureCapacity(byte[] array, int needed) {
        if (needed <= array.length) {
            return array;
        }
        return Arrays.copyOf(array, Math.max(needed, array.length * 2));
    }
}
