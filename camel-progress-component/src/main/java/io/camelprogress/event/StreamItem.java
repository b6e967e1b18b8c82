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

    /** The item as the JSON object of WebSocket frames and long-poll answers. */
    String jsonFrame();

    /** The item as one unmasked WebSocket text frame; shared, so a writer writes a {@code duplicate()}. */
    ByteBuf webSocketFrame();

    /** Where a client goes on from after this item: the event's id, or the notice's resume point. */
    EventId resumeId();
}
