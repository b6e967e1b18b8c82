package io.camelprogress.bench;

import java.util.Arrays;

/**
 * Incremental RFC 6455 frame decoder for the bytes after a WebSocket handshake, fed as they arrive.
 *
 * <p>It reassembles fragmented messages, lets control frames (ping, pong, close) interleave with the
 * fragments as section 5.4 allows, unmasks masked frames (a server never masks, but the decoder does
 * not depend on it) and refuses what this load generator never negotiates: extensions (RSV bits),
 * unknown opcodes, fragmented or oversized control frames. A whole unfragmented frame that arrived in
 * one read is handed on in place, so the common case copies nothing. One instance per connection;
 * not thread-safe.
 */
final class WebSocketFrameDecoder {

    /** Receives what the decoder finds. Arrays passed in are reused afterwards. */
    interface Listener {

        /** A complete text message (all fragments joined). */
        void onText(byte[] data, int offset, int length);

        /** A complete binary message; the benchmark servers send none. */
        default void onBinary(byte[] data, int offset, int length) {
        }

        /** A ping; the client must answer with a pong carrying the same payload. */
        void onPing(byte[] payload, int offset, int length);

        /** A pong (an answer to a ping the client sent). */
        default void onPong() {
        }

        /**
         * A close frame.
         *
         * @param code the status code, or -1 if the frame had none
         */
        void onClose(int code);

        /** The stream broke the protocol; the connection must be closed. */
        void onMalformed(String reason);
    }

    static final int OP_CONTINUATION = 0x0;
    static final int OP_TEXT = 0x1;
    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;
    static final int OP_PONG = 0xA;

    /** Control frames carry at most this much (RFC 6455, 5.5). */
    private static final int MAX_CONTROL_PAYLOAD = 125;
    /** The longest frame header: 2 bytes, 8 of extended length, 4 of mask. */
    private static final int MAX_HEADER = 14;

    private final Listener listener;
    private final int maxMessage;
    private final byte[] header = new byte[MAX_HEADER];
    private int headerLength;
    private final byte[] control = new byte[MAX_CONTROL_PAYLOAD];
    private byte[] message = new byte[256];
    private int messageLength;
    /** Opcode of the data message being reassembled, or -1 between messages. */
    private int messageOpcode = -1;
    private boolean inPayload;
    private int opcode;
    private boolean fin;
    private boolean masked;
    private final byte[] mask = new byte[4];
    private long payloadRemaining;
    private int payloadRead;
    private boolean failed;

    /**
     * Creates a decoder.
     *
     * @param listener   receives messages, control frames and protocol errors
     * @param maxMessage longest message accepted, in bytes; a longer one is malformed
     */
    WebSocketFrameDecoder(Listener listener, int maxMessage) {
        this.listener = listener;
        this.maxMessage = maxMessage;
    }

    /** Feeds the next bytes of the connection; they may end anywhere, even inside a frame header. */
    void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && !failed) {
            if (inPayload) {
                i = readPayload(bytes, i, end);
            } else if (headerLength == 0 && wholeSimpleFrame(bytes, i, end)) {
                i = deliverInPlace(bytes, i);
            } else {
                i = readHeader(bytes, i, end);
            }
        }
    }

    /** True when an unmasked final text frame begins at {@code i} and ends before {@code end}. */
    private boolean wholeSimpleFrame(byte[] bytes, int i, int end) {
        if (messageOpcode != -1 || end - i < 2 || (bytes[i] & 0xff) != (0x80 | OP_TEXT) || (bytes[i + 1] & 0x80) != 0) {
            return false;
        }
        int len7 = bytes[i + 1] & 0x7f;
        if (len7 < 126) {
            return end - i - 2 >= len7;
        }
        if (len7 == 126) {
            return end - i >= 4 && end - i - 4 >= (((bytes[i + 2] & 0xff) << 8) | (bytes[i + 3] & 0xff));
        }
        return false;
    }

    private int deliverInPlace(byte[] bytes, int i) {
        int len7 = bytes[i + 1] & 0x7f;
        int start = i + 2;
        int length = len7;
        if (len7 == 126) {
            length = ((bytes[i + 2] & 0xff) << 8) | (bytes[i + 3] & 0xff);
            start = i + 4;
        }
        if (length > maxMessage) {
            fail("message of " + length + " bytes exceeds " + maxMessage);
            return start;
        }
        return deliver(OP_TEXT, bytes, start, length);
    }

    private int deliver(int op, byte[] bytes, int start, int length) {
        if (op == OP_TEXT) {
            listener.onText(bytes, start, length);
        } else {
            listener.onBinary(bytes, start, length);
        }
        return start + length;
    }

    private int readHeader(byte[] bytes, int i, int end) {
        while (i < end) {
            header[headerLength++] = bytes[i++];
            int needed = headerLengthNeeded();
            if (headerLength == needed) {
                startPayload();
                return i;
            }
        }
        return i;
    }

    /** Header size known so far: 2 until the second byte tells about extended length and mask. */
    private int headerLengthNeeded() {
        if (headerLength < 2) {
            return 2;
        }
        int len7 = header[1] & 0x7f;
        int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        return 2 + extended + ((header[1] & 0x80) != 0 ? 4 : 0);
    }

    private void startPayload() {
        headerLength = 0;
        int b0 = header[0] & 0xff;
        fin = (b0 & 0x80) != 0;
        opcode = b0 & 0x0f;
        masked = (header[1] & 0x80) != 0;
        if ((b0 & 0x70) != 0) {
            fail("reserved bits set without a negotiated extension");
            return;
        }
        int len7 = header[1] & 0x7f;
        int pos = 2;
        long length = len7;
        if (len7 == 126) {
            length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
            pos = 4;
        } else if (len7 == 127) {
            length = 0;
            for (int k = 2; k < 10; k++) {
                length = (length << 8) | (header[k] & 0xff);
            }
            if (length < 0) {
                fail("64-bit length with the most significant bit set");
                return;
            }
            pos = 10;
        }
        if (masked) {
            System.arraycopy(header, pos, mask, 0, 4);
        }
        if (!checkOpcode(length)) {
            return;
        }
        payloadRemaining = length;
        payloadRead = 0;
        inPayload = true;
        if (length == 0) {
            endPayload();
        }
    }

    private boolean checkOpcode(long length) {
        boolean isControl = opcode >= OP_CLOSE;
        if (isControl) {
            if (opcode > OP_PONG) {
                fail("unknown control opcode " + opcode);
            } else if (!fin) {
                fail("fragmented control frame");
            } else if (length > MAX_CONTROL_PAYLOAD) {
                fail("control frame of " + length + " bytes");
            }
            return !failed;
        }
        if (opcode == OP_CONTINUATION && messageOpcode == -1) {
            fail("continuation frame without a message to continue");
        } else if ((opcode == OP_TEXT || opcode == OP_BINARY) && messageOpcode != -1) {
            fail("new message while a fragmented one is unfinished");
        } else if (opcode != OP_CONTINUATION && opcode != OP_TEXT && opcode != OP_BINARY) {
            fail("unknown data opcode " + opcode);
        } else if (messageLength + length > maxMessage) {
            fail("message of more than " + maxMessage + " bytes");
        } else if (opcode != OP_CONTINUATION) {
            messageOpcode = opcode;
            messageLength = 0;
        }
        return !failed;
    }

    private int readPayload(byte[] bytes, int i, int end) {
        int n = (int) Math.min(payloadRemaining, end - i);
        boolean isControl = opcode >= OP_CLOSE;
        byte[] target;
        int at;
        if (isControl) {
            target = control;
            at = payloadRead;
        } else {
            message = ensureCapacity(message, messageLength + n);
            target = message;
            at = messageLength;
            messageLength += n;
        }
        System.arraycopy(bytes, i, target, at, n);
        if (masked) {
            for (int k = 0; k < n; k++) {
                target[at + k] ^= mask[(payloadRead + k) & 3];
            }
        }
        payloadRead += n;
        payloadRemaining -= n;
        if (payloadRemaining == 0) {
            endPayload();
        }
        return i + n;
    }

    private void endPayload() {
        inPayload = false;
        switch (opcode) {
            case OP_PING -> listener.onPing(control, 0, payloadRead);
            case OP_PONG -> listener.onPong();
            case OP_CLOSE -> listener.onClose(payloadRead >= 2 ? ((control[0] & 0xff) << 8) | (control[1] & 0xff) : -1);
            default -> {
                if (fin) {
                    int op = messageOpcode;
                    messageOpcode = -1;
                    deliver(op, message, 0, messageLength);
                    messageLength = 0;
                }
            }
        }
    }

    private void fail(String reason) {
        failed = true;
        inPayload = false;
        listener.onMalformed(reason);
    }

    private static byte[] ensureCapacity(byte[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, Math.max(needed, array.length * 2));
    }
}
