package io.camelprogress.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A WebSocket subscription over the raw socket: the upgrade (with its {@code Sec-WebSocket-Accept}
 * checked), server frames decoded by {@link WebSocketFrameDecoder}, pings answered with masked pongs,
 * a close frame answered and sent on purpose. Our server sends JSON envelopes (a reset is one of
 * them); Nchan sends the raw message as the text of the frame.
 */
final class WebSocketSession implements SubscriberSession, HttpResponseDecoder.Listener, WebSocketFrameDecoder.Listener {

    /** Longest message accepted; the benchmark's events are about 200 bytes. */
    static final int MAX_MESSAGE = 1024 * 1024;
    private static final int NORMAL_CLOSURE = 1000;

    private final Events events;
    private final SubscribeTarget target;
    private final boolean nchan;
    private final String resumeId;
    private final String key = WebSocketHandshake.newKey();
    private final HttpResponseDecoder decoder = new HttpResponseDecoder(this);
    private final WebSocketFrameDecoder frames = new WebSocketFrameDecoder(this, MAX_MESSAGE);
    private final EventEnvelope envelope = new EventEnvelope();
    private String accept;
    private boolean upgraded;
    private boolean closeSent;
    private byte[] lastId = new byte[32];
    private int lastIdLength = -1;

    WebSocketSession(Events events, SubscribeTarget target, boolean nchan, String resumeId) {
        this.events = events;
        this.target = target;
        this.nchan = nchan;
        this.resumeId = resumeId;
    }

    @Override
    public byte[] openingRequest() {
        String path = target.path();
        if (resumeId != null && !nchan) {
            path += (path.contains("?") ? "&" : "?") + "lastEventId=" + URLEncoder.encode(resumeId, StandardCharsets.UTF_8);
        }
        return WebSocketHandshake.request(target, path, key).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        if (upgraded) {
            frames.feed(bytes, offset, length);
        } else {
            decoder.feed(bytes, offset, length);
        }
    }

    @Override
    public String lastEventId() {
        return lastIdLength < 0 ? resumeId : new String(lastId, 0, lastIdLength, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] goodbye() {
        if (!upgraded || closeSent) {
            return null;
        }
        closeSent = true;
        return WebSocketHandshake.closeFrame(NORMAL_CLOSURE);
    }

    @Override
    public void onHeader(String name, String value) {
        if (name.equalsIgnoreCase("sec-websocket-accept")) {
            accept = value;
        }
    }

    @Override
    public void onHead(int status) {
        if (status != 101) {
            events.failed("HTTP " + status);
        } else if (!WebSocketHandshake.expectedAccept(key).equals(accept)) {
            events.failed("bad Sec-WebSocket-Accept");
        } else {
            upgraded = true;
            events.opened();
        }
    }

    @Override
    public void onBody(byte[] bytes, int offset, int length) {
        // after the 101 the decoder hands on the rest of the read: the first frames
        frames.feed(bytes, offset, length);
    }

    @Override
    public void onMalformed(String reason) {
        events.failed("malformed " + (upgraded ? "frame: " : "response: ") + reason);
    }

    @Override
    public void onText(byte[] data, int offset, int length) {
        if (nchan) {
            events.event(data, offset, length);
            return;
        }
        if (!envelope.read(data, offset, offset + length)) {
            events.event(data, offset, length);
            return;
        }
        if (envelope.isReset()) {
            events.reset(EventEnvelope.resetReason(data, envelope.dataStart(), envelope.dataStart() + envelope.dataLength()));
            return;
        }
        if (envelope.idStart() >= 0) {
            int n = envelope.idLength();
            if (n > lastId.length) {
                lastId = Arrays.copyOf(lastId, n);
            }
            System.arraycopy(data, envelope.idStart(), lastId, 0, n);
            lastIdLength = n;
        }
        events.event(data, envelope.dataStart(), envelope.dataLength());
    }

    @Override
    public void onPing(byte[] payload, int offset, int length) {
        events.write(WebSocketHandshake.clientFrame(WebSocketFrameDecoder.OP_PONG, payload, offset, length));
        events.heartbeat();
    }

    @Override
    public void onClose(int code) {
        byte[] answer = goodbye();
        if (answer != null) {
            events.write(answer);
        }
        events.ended("websocket close " + code);
    }
}
