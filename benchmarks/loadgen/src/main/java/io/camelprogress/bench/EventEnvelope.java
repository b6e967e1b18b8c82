package io.camelprogress.bench;

import java.nio.charset.StandardCharsets;

/**
 * Reads our server's JSON event object, as WebSocket frames and long-poll answers carry it:
 * {@code {"id":"…","event":"…","stream":"…","data":…}}, where a reset is
 * {@code {"event":"reset","data":{"streams":[…],"reason":"…"}}}. Leaves the spans of the id and of
 * the data in the source array. One instance per reading thread; not thread-safe.
 */
final class EventEnvelope {

    private static final byte[] ID = "id".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESET = "reset".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REASON = "reason".getBytes(StandardCharsets.US_ASCII);

    private final JsonScanner scanner = new JsonScanner();
    private byte[] source;
    private int idStart;
    private int idEnd;
    private int dataStart;
    private int dataEnd;
    private boolean reset;

    /**
     * Reads one envelope.
     *
     * @return false if the bytes are not an object with a {@code data} member
     */
    boolean read(byte[] bytes, int from, int to) {
        source = bytes;
        idStart = -1;
        dataStart = -1;
        reset = false;
        if (!scanner.begin(bytes, from, to)) {
            return false;
        }
        while (scanner.next()) {
            if (scanner.keyIs(DATA)) {
                dataStart = scanner.valueStart();
                dataEnd = scanner.valueEnd();
            } else if (scanner.keyIs(EVENT)) {
                reset = scanner.valueIsString(RESET);
            } else if (scanner.keyIs(ID) && scanner.valueIsString()) {
                idStart = scanner.valueStart() + 1;
                idEnd = scanner.valueEnd() - 1;
            }
        }
        return !scanner.malformed() && dataStart >= 0;
    }

    /** @return whether the envelope read last is a reset notice */
    boolean isReset() {
        return reset;
    }

    int dataStart() {
        return dataStart;
    }

    int dataLength() {
        return dataEnd - dataStart;
    }

    /** @return where the id of the envelope read last starts in the source, or -1 if it had none */
    int idStart() {
        return idStart;
    }

    int idLength() {
        return idEnd - idStart;
    }

    /** @return the id of the envelope read last, or null if it had none */
    String id() {
        return idStart < 0 ? null : new String(source, idStart, idEnd - idStart, StandardCharsets.UTF_8);
    }

    /**
     * The {@code reason} of a reset's data object; resets are rare, so a String is fine.
     *
     * @return the reason, or "unknown" when the data has none
     */
    static String resetReason(byte[] bytes, int from, int to) {
        JsonScanner data = new JsonScanner();
        if (data.begin(bytes, from, to)) {
            while (data.next()) {
                if (data.keyIs(REASON) && data.valueIsString()) {
                    return new String(bytes, data.valueStart() + 1, data.valueEnd() - data.valueStart() - 2,
                            StandardCharsets.UTF_8);
                }
            }
        }
        return "unknown";
    }
}
