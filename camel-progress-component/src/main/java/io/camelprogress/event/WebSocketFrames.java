package io.camelprogress.event;

import io.netty.buffer.ByteBuf;

/**
 * Encodes server-to-client WebSocket text frames (RFC 6455 §5.2): final, unmasked, unextended, so that
 * one event's frame is encoded once and the same bytes are written to every subscriber.
 */
public final class WebSocketFrames {

    private static final int FIN_TEXT = 0x81;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private WebSocketFrames() {
    }

    /** One text frame holding {@code utf8}, which must be valid UTF-8; a direct buffer no write releases. */
    public static ByteBuf text(byte[] utf8) {
        int length = utf8.length;
        int header = length < LENGTH_16 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuf out = SharedBytes.allocate(header + length);
        out.writeByte(FIN_TEXT);
        if (length < LENGTH_16) {
            out.writeByte(length);
        } else if (length <= 0xFFFF) {
            out.writeByte(LENGTH_16).writeShort(length);
        } else {
            out.writeByte(LENGTH_64).writeLong(length);
        }
        out.writeBytes(utf8);
        return SharedBytes.share(out);
    }
}
