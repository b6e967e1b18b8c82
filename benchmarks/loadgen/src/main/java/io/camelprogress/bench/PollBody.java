package io.camelprogress.bench;

import java.util.Arrays;

/** The body of one long-poll answer, gathered across reads in a reused, bounded array. */
final class PollBody {

    /** An answer holds at most 1,000 events of the benchmark's size; anything far larger is a broken server. */
    static final int MAX_BODY = 16 * 1024 * 1024;

    private byte[] bytes = new byte[4096];
    private int length;
    private boolean overflowed;

    void clear() {
        length = 0;
        overflowed = false;
    }

    void append(byte[] source, int offset, int n) {
        if (length + n > MAX_BODY) {
            overflowed = true;
            return;
        }
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
        }
        System.arraycopy(source, offset, bytes, length, n);
        length += n;
    }

    /** @return whether the body exceeded {@link #MAX_BODY} and was cut */
    boolean overflowed() {
        return overflowed;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }
}
