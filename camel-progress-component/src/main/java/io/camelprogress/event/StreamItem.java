package io.camelprogress.event;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;

/**
 * What a subscriber's connection writes, in order: an {@link Event} of a stream, or a
 * {@link ResetNotice} saying that some events could not be given. Each transport asks the item for
 * its own encoding, so no writer tells the two apart.
 */
public sealed interface StreamItem permits Event, ResetNotice {

    /** The item as Server-Sent Events bytes; shared, so never released by a write. */
    Buffer sse();

    /**
     * The same bytes as {@link #sse()}, for a writer that copies them into a batch: the one shared
     * buffer, so that a batch of a thousand events is not a thousand new views of it. Read it at its
     * indices; never write or release it.
     */
    ByteBuf sseBytes();

    /** The item as the JSON object of WebSocket frames and long-poll answers. */
    String jsonFrame();

    /** The item as one unmasked WebSocket text frame; shared, so a writer writes a {@code duplicate()}. */
    ByteBuf webSocketFrame();

    /** Where a client goes on from after this item: the event's id, or the notice's resume point. */
    EventId resumeId();
}
