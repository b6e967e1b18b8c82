package io.camelprogress.event;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;

/**
 * Tells a subscriber, in its own stream, that it does not get every event of some streams, and why.
 *
 * @param streams    the streams concerned
 * @param reason     one of {@link #GAP}, {@link #EPOCH}, {@link #LAGGED}, {@link #COALESCED}
 * @param resumeFrom an id from which the client can go on without being told again: the newest
 *                   event it will not get, or the start of the new epoch
 */
public record ResetNotice(List<String> streams, String reason, EventId resumeFrom) implements StreamItem {

    /** The client resumed from further back than the streams retain. */
    public static final String GAP = "gap";
    /** The client's id is of another epoch: the backplane restarted, or the id is of another deployment. */
    public static final String EPOCH = "epoch";
    /** The subscriber read slower than the streams were written, and the events it had yet to read passed out of retention. */
    public static final String LAGGED = "lagged";
    /** The subscriber's policy is latest-wins ({@code coalesce}): older events were replaced by newer ones of the same name. */
    public static final String COALESCED = "coalesced";

    public ResetNotice {
        streams = List.copyOf(streams);
    }

    @Override
    public Buffer sse() {
        return SseEncoder.reset(streams, reason);
    }

    @Override
    public ByteBuf sseBytes() {
        return sse().getByteBuf();
    }

    @Override
    public String jsonFrame() {
        return JsonEventEncoder.reset(streams, reason);
    }

    @Override
    public ByteBuf webSocketFrame() {
        return WebSocketFrames.text(jsonFrame().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public EventId resumeId() {
        return resumeFrom;
    }
}
