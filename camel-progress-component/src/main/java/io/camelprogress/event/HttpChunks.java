package io.camelprogress.event;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Frames bytes as one HTTP/1.1 chunk ({@code <hex length> CRLF <bytes> CRLF}), for connections that
 * write below Vert.x's HTTP encoder: the framing of a shared event is then encoded once too.
 */
public final class HttpChunks {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private HttpChunks() {
    }

    /**
     * One chunk holding the readable bytes of every part, in order, in a direct buffer from
     * {@code alloc}; the parts are left as they were.
     */
    public static ByteBuf frame(ByteBufAllocator alloc, List<ByteBuf> parts) {
        int length = length(parts);
        return frame(alloc.directBuffer(framedSize(length)), length, parts);
    }

    /** One chunk of one event's encoding, shared by every write like the encoding itself. */
    static ByteBuf shared(ByteBuf encoded) {
        List<ByteBuf> parts = List.of(encoded);
        int length = length(parts);
        return SharedBytes.share(frame(SharedBytes.allocate(framedSize(length)), length, parts));
    }

    private static int length(List<ByteBuf> parts) {
        int length = 0;
        for (int i = 0; i < parts.size(); i++) {
            length += parts.get(i).readableBytes();
        }
        return length;
    }

    private static int framedSize(int length) {
        return Integer.toHexString(length).length() + length + 4;
    }

    private static ByteBuf frame(ByteBuf out, int length, List<ByteBuf> parts) {
        byte[] hex = Integer.toHexString(length).getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(hex).writeByte(CR).writeByte(LF);
        for (int i = 0; i < parts.size(); i++) {
            ByteBuf part = parts.get(i);
            out.writeBytes(part, part.readerIndex(), part.readableBytes());
        }
        return out.writeByte(CR).writeByte(LF);
    }
}
