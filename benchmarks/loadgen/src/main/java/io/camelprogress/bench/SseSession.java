package io.camelprogress.bench;

import java.nio.charset.StandardCharsets;

/** An SSE subscription: the GET, the streamed response, its events; a {@code reset} event is counted, not delivered. */
final class SseSession implements SubscriberSession, HttpResponseDecoder.Listener, SseParser.Listener {

    private static final byte[] RESET = "reset".getBytes(StandardCharsets.US_ASCII);

    private final Events events;
    private final SubscribeTarget target;
    private final String resumeId;
    private final HttpResponseDecoder decoder = new HttpResponseDecoder(this);
    private final SseParser parser = new SseParser(this);

    SseSession(Events events, SubscribeTarget target, String resumeId) {
        this.events = events;
        this.target = target;
        this.resumeId = resumeId;
    }

    @Override
    public byte[] openingRequest() {
        return target.request(resumeId).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        decoder.feed(bytes, offset, length);
    }

    @Override
    public String lastEventId() {
        String id = parser.lastEventId();
        return id == null ? resumeId : id;
    }

    @Override
    public long truncated() {
        return parser.truncatedLines();
    }

    @Override
    public void onHead(int status) {
        if (status == 200) {
            events.opened();
        } else {
            events.failed("HTTP " + status);
        }
    }

    @Override
    public void onBody(byte[] bytes, int offset, int length) {
        parser.feed(bytes, offset, length);
    }

    @Override
    public void onMalformed(String reason) {
        events.failed("malformed response: " + reason);
    }

    @Override
    public void onEvent(byte[] data, int dataLength) {
        if (parser.eventNameIs(RESET)) {
            events.reset(EventEnvelope.resetReason(data, 0, dataLength));
        } else {
            events.event(data, 0, dataLength);
        }
    }

    @Override
    public void onComment() {
        events.heartbeat();
    }
}
