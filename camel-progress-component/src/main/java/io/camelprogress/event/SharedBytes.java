package io.camelprogress.event;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The buffers of an event's encodings, which every subscriber's write shares: direct, so that a
 * socket writes them without a copy; freed by the garbage collector together with the event (a JDK
 * direct buffer, whatever Netty's no-cleaner setting is), since no single write owns them; and never
 * released by a write.
 */
final class SharedBytes {

    private SharedBytes() {
    }

    /** An empty direct buffer of {@code capacity} bytes to encode into. */
    static ByteBuf allocate(int capacity) {
        return Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(capacity)).clear();
    }

    /** The encoded buffer, as every writer shares it: a write releasing its duplicate leaves it whole. */
    static ByteBuf share(ByteBuf encoded) {
        return Unpooled.unreleasableBuffer(encoded);
    }
}
