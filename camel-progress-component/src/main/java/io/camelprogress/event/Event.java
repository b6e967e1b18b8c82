package io.camelprogress.event;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;

/**
 * An event that the backplane has accepted and given an id. Immutable; encoded once per transport,
 * and the same bytes are written to every subscriber.
 */
public final class Event implements StreamItem {

    private final EventId id;
    private final String stream;
    private final String name;
    private final String data;
    private final boolean json;
    private final boolean terminal;
    private final long createdMillis;
    private volatile Buffer sse;
    private volatile ByteBuf sseBytes;
    private volatile String jsonFrame;
    private volatile ByteBuf webSocketFrame;
    private volatile ByteBuf sseChunk;

    public Event(EventId id, EventDraft draft, long createdMillis) {
        this.id = id;
        this.stream = draft.stream();
        this.name = draft.name();
        this.data = draft.data();
        this.json = draft.json();
        this.terminal = draft.terminal();
        this.createdMillis = createdMillis;
    }

    public EventId id() {
        return id;
    }

    /** Sequence number of the id, the position in the backplane's order. */
    public long sequence() {
        return id.sequence();
    }

    public String stream() {
        return stream;
    }

    public String name() {
        return name;
    }

    public String data() {
        return data;
    }

    /** Whether {@link #data()} is a JSON document (else plain text). */
    public boolean json() {
        return json;
    }

    /** Whether the stream ends with this event. */
    public boolean terminal() {
        return terminal;
    }

    public long createdMillis() {
        return createdMillis;
    }

    /** The bytes this event costs in a retained log: its data, name and stream, roughly. */
    public int retainedSize() {
        return data.length() + name.length() + stream.length() + 64;
    }

    /**
     * The event encoded as SSE. Encoded on first use rather than at publish, so that events nobody
     * watches cost no encoding; two threads racing here encode the same bytes, so either result is
     * right.
     */
    @Override
    public Buffer sse() {
        Buffer encoded = sse;
        if (encoded == null) {
            encoded = SseEncoder.event(id.toString(), name, data);
            sse = encoded;
        }
        return encoded;
    }

    @Override
    public ByteBuf sseBytes() {
        ByteBuf bytes = sseBytes;
        if (bytes == null) {
            // Buffer.getByteBuf() makes a new view each call
            bytes = sse().getByteBuf();
            sseBytes = bytes;
        }
        return bytes;
    }

    /**
     * The SSE bytes framed as one HTTP/1.1 chunk; shared, so a writer writes a {@code duplicate()}.
     * Encoded once, like {@link #sse()}.
     */
    public ByteBuf sseChunk() {
        ByteBuf encoded = sseChunk;
        if (encoded == null) {
            encoded = SseEncoder.chunk(sseBytes());
            sseChunk = encoded;
        }
        return encoded;
    }

    /** The event as the JSON object of WebSocket frames and long-poll answers; encoded once, like {@link #sse()}. */
    @Override
    public String jsonFrame() {
        String encoded = jsonFrame;
        if (encoded == null) {
            encoded = JsonEventEncoder.event(this);
            jsonFrame = encoded;
        }
        return encoded;
    }

    /** The event as one WebSocket text frame of {@link #jsonFrame()}; encoded once, like {@link #sse()}. */
    @Override
    public ByteBuf webSocketFrame() {
        ByteBuf encoded = webSocketFrame;
        if (encoded == null) {
            encoded = WebSocketFrames.text(jsonFrame().getBytes(StandardCharsets.UTF_8));
            webSocketFrame = encoded;
        }
        return encoded;
    }

    /** Whether {@link #webSocketFrame()} has been encoded: a WebSocket subscriber has been written this event. */
    public boolean webSocketFrameEncoded() {
        return webSocketFrame != null;
    }

    @Override
    public EventId resumeId() {
        return id;
    }

    @Override
    public String toString() {
        return "Event[" + id + " " + stream + " " + name + (terminal ? " terminal" : "") + "]";
    }
}
