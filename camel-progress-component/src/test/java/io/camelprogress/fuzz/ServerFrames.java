package io.camelprogress.fuzz;

import java.io.IOException;

/** Reads the frames a WebSocket server sends (unmasked, RFC 6455) until its close frame. */
final class ServerFrames {

    /** What was read: the close code (1005 for a close frame without one, -1 for none) and what was wrong, if anything. */
    record Read(int closeCode, String malformed) {
    }

    /** A client's close frame with code 1000, masked with a zero mask. */
    static final byte[] CLIENT_CLOSE = {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xe8};

    private ServerFrames() {
    }

    static Read readUntilClose(RawConnection connection, long deadline) throws IOException {
        while (true) {
            int first = connection.readByte(deadline);
            int second = first < 0 ? -1 : connection.readByte(deadline);
            if (second < 0) {
                return new Read(-1, null);
            }
            if ((second & 0x80) != 0) {
                return new Read(-1, "a masked frame from the server");
            }
            long length = second & 0x7f;
            if (length >= 126) {
                byte[] extended = connection.readFully(length == 126 ? 2 : 8, deadline);
                if (extended == null) {
                    return new Read(-1, null);
                }
                length = 0;
                for (byte b : extended) {
                    length = length << 8 | (b & 0xff);
                }
            }
            if (length < 0 || length > 16 * 1024 * 1024) {
                return new Read(-1, "a frame length of " + length);
            }
            byte[] payload = connection.readFully((int) length, deadline);
            if (payload == null) {
                return new Read(-1, null);
            }
            int opcode = first & 0x0f;
            if (opcode == 8) {
                if (payload.length == 1) {
                    return new Read(-1, "a close frame of one byte");
                }
                return new Read(payload.length == 0 ? 1005 : (payload[0] & 0xff) << 8 | (payload[1] & 0xff), null);
            }
        }
    }
}
