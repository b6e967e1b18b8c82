package io.camelprogress.bench;

import java.nio.charset.StandardCharsets;

/**
 * The benchmark event body: {@code {"l":<lane>,"seq":<n>,"t":<nanoTime>,"p":"xx…"}} padded to a size.
 *
 * <p>The lane is the publishing connection and {@code seq} counts per lane: a lane sends its next
 * event only after the server answered the previous one, so within a lane the server's order is
 * known and subscribers can check it. {@code t} is {@link System#nanoTime()} at publish, readable
 * because publisher and subscribers share one process.
 */
public final class Payload {

    /** Most publish lanes a run may use; bounds per-subscriber tracking arrays. */
    public static final int MAX_LANES = 64;

    private Payload() {
    }

    /**
     * Builds an event body.
     *
     * @param lane      publishing lane, 0 to {@link #MAX_LANES} - 1
     * @param seq       sequence number within the lane
     * @param nanos     {@link System#nanoTime()} at publish
     * @param totalSize wanted body size in bytes; the body is never shorter than its fields need
     * @return the UTF-8 (here ASCII) body
     */
    public static byte[] encode(int lane, long seq, long nanos, int totalSize) {
        StringBuilder text = new StringBuilder(Math.max(totalSize, 64));
        text.append("{\"l\":").append(lane).append(",\"seq\":").append(seq)
                .append(",\"t\":").append(nanos).append(",\"p\":\"");
        int padding = totalSize - text.length() - 2;
        for (int i = 0; i < padding; i++) {
            text.append('x');
        }
        text.append("\"}");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the numbers back out of a body without allocating; one instance per reading thread. */
    public static final class Reader {
        private int lane;
        private long seq;
        private long nanos;
        private int position;

        /**
         * Parses a body produced by {@link #encode}.
         *
         * @param data   bytes of the event data
         * @param length number of valid bytes
         * @return false if the body does not have the expected shape
         */
        public boolean read(byte[] data, int length) {
            return read(data, 0, length);
        }

        /**
         * Parses a body produced by {@link #encode} that starts at {@code offset}.
         *
         * @param data   bytes holding the event data
         * @param offset first byte of the body
         * @param length number of bytes of the body
         * @return false if the body does not have the expected shape
         */
        public boolean read(byte[] data, int offset, int length) {
            position = offset;
            length += offset;
            if (!skipPast(data, length, ':')) {
                return false;
            }
            long l = readNumber(data, length);
            if (l < 0 || l >= MAX_LANES || !skipPast(data, length, ':')) {
                return false;
            }
            long s = readNumber(data, length);
            if (s < 0 || !skipPast(data, length, ':')) {
                return false;
            }
            boolean negative = position < length && data[position] == '-';
            if (negative) {
                position++;
            }
            long t = readNumber(data, length);
            if (t < 0) {
                return false;
            }
            lane = (int) l;
            seq = s;
            nanos = negative ? -t : t;
            return true;
        }

        /** @return lane of the last body read */
        public int lane() {
            return lane;
        }

        /** @return sequence number of the last body read */
        public long seq() {
            return seq;
        }

        /** @return publish time ({@link System#nanoTime()}) of the last body read */
        public long nanos() {
            return nanos;
        }

        private boolean skipPast(byte[] data, int length, char wanted) {
            while (position < length) {
                if (data[position++] == wanted) {
                    return true;
                }
            }
            return false;
        }

        private long readNumber(byte[] data, int length) {
            int start = position;
            long value = 0;
            while (position < length && position - start < 19) {
                int digit = data[position] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                value = value * 10 + digit;
                position++;
            }
            return position == start ? -1 : value;
        }
    }
}
