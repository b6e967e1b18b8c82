package io.camelprogress.bench;

import java.util.Arrays;

/**
 * Walks the members of one JSON object or the elements of one array in a byte range without
 * building anything: each step leaves the span of a key and of its value, and a nested value is
 * skipped by counting brackets outside strings. Enough to pick fields out of the servers' event
 * envelopes at hundreds of thousands per second; it checks structure, not every JSON rule (numbers
 * and literals are taken as runs of their characters). One instance per nesting level in use; not
 * thread-safe.
 */
final class JsonScanner {

    private byte[] bytes;
    private int pos;
    private int to;
    private boolean object;
    private boolean first;
    private int keyStart;
    private int keyEnd;
    private int valueStart;
    private int valueEnd;

    /**
     * Starts walking the object or array that begins (after white space) at {@code from}.
     *
     * @return false if the range does not start with '{' or '['
     */
    boolean begin(byte[] source, int from, int end) {
        bytes = source;
        to = end;
        pos = skipWs(source, from, end);
        if (pos >= end || (source[pos] != '{' && source[pos] != '[')) {
            return false;
        }
        object = source[pos] == '{';
        pos++;
        first = true;
        return true;
    }

    /**
     * Moves to the next member (object) or element (array).
     *
     * @return false at the end of the container or on malformed input ({@link #malformed()} tells)
     */
    boolean next() {
        pos = skipWs(bytes, pos, to);
        if (pos >= to) {
            pos = -1;
            return false;
        }
        byte close = (byte) (object ? '}' : ']');
        if (bytes[pos] == close) {
            pos = to;
            return false;
        }
        if (!first) {
            if (bytes[pos] != ',') {
                pos = -1;
                return false;
            }
            pos = skipWs(bytes, pos + 1, to);
        }
        first = false;
        if (object) {
            if (pos >= to || bytes[pos] != '"') {
                pos = -1;
                return false;
            }
            int afterKey = stringEnd(bytes, pos, to);
            if (afterKey < 0) {
                pos = -1;
                return false;
            }
            keyStart = pos + 1;
            keyEnd = afterKey - 1;
            pos = skipWs(bytes, afterKey, to);
            if (pos >= to || bytes[pos] != ':') {
                pos = -1;
                return false;
            }
            pos = skipWs(bytes, pos + 1, to);
        }
        valueStart = pos;
        valueEnd = valueEnd(bytes, pos, to);
        if (valueEnd < 0) {
            pos = -1;
            return false;
        }
        pos = valueEnd;
        return true;
    }

    /** @return true if the last {@link #next()} stopped at broken input rather than at the end */
    boolean malformed() {
        return pos < 0;
    }

    /** @return whether the current member's key is {@code name} (ASCII, no escapes) */
    boolean keyIs(byte[] name) {
        return Arrays.equals(bytes, keyStart, keyEnd, name, 0, name.length);
    }

    int valueStart() {
        return valueStart;
    }

    int valueEnd() {
        return valueEnd;
    }

    /** @return whether the current value is the string {@code text} (ASCII, no escapes) */
    boolean valueIsString(byte[] text) {
        return valueEnd - valueStart == text.length + 2 && bytes[valueStart] == '"'
                && Arrays.equals(bytes, valueStart + 1, valueEnd - 1, text, 0, text.length);
    }

    /** @return whether the current value is a string */
    boolean valueIsString() {
        return bytes[valueStart] == '"';
    }

    static int skipWs(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** Index after the string whose opening quote is at {@code i}, or -1. */
    static int stringEnd(byte[] b, int i, int to) {
        for (int k = i + 1; k < to; k++) {
            if (b[k] == '\\') {
                k++;
            } else if (b[k] == '"') {
                return k + 1;
            }
        }
        return -1;
    }

    /** Index after the value that starts at {@code i}, or -1 if it does not end before {@code to}. */
    static int valueEnd(byte[] b, int i, int to) {
        if (i >= to) {
            return -1;
        }
        byte c = b[i];
        if (c == '"') {
            return stringEnd(b, i, to);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int k = i; k < to; k++) {
                byte x = b[k];
                if (x == '"') {
                    k = stringEnd(b, k, to) - 1;
                    if (k < 0) {
                        return -1;
                    }
                } else if (x == '{' || x == '[') {
                    depth++;
                } else if (x == '}' || x == ']') {
                    if (--depth == 0) {
                        return k + 1;
                    }
                }
            }
            return -1;
        }
        int k = i;
        while (k < to && b[k] != ',' && b[k] != '}' && b[k] != ']' && b[k] != ' ' && b[k] != '\n' && b[k] != '\r'
                && b[k] != '\t') {
            k++;
        }
        return k == i ? -1 : k;
    }
}
