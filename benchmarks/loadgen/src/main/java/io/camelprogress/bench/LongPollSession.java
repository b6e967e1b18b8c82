package io.camelprogress.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Our server's long-poll on one keep-alive connection: {@code GET <url>?after=<id>&timeout=25} with
 * {@code Accept: application/json}, answered by {@code {"events":[…],"lastEventId":"…"}}; the next
 * poll asks after that id. The subscription counts as established once the first poll is sent: the
 * server holds it until there is an event, so waiting for its answer would wait for the publisher.
 */
final class LongPollSession implements SubscriberSession, HttpResponseDecoder.Listener {

    /** What the browser client asks for; the server holds a poll at most this long (seconds). */
    static final int TIMEOUT_SECONDS = 25;
    private static final byte[] EVENTS = "events".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_EVENT_ID = "lastEventId".getBytes(StandardCharsets.US_ASCII);

    private final Events events;
    private final SubscribeTarget target;
    private final HttpResponseDecoder decoder = new HttpResponseDecoder(this);
    private final PollBody body = new PollBody();
    private final JsonScanner answer = new JsonScanner();
    private final JsonScanner list = new JsonScanner();
    private final EventEnvelope envelope = new EventEnvelope();
    private String after;
    private int status;

    LongPollSession(Events events, SubscribeTarget target, String resumeId) {
        this.events = events;
        this.target = target;
        this.after = resumeId;
    }

    @Override
    public byte[] openingRequest() {
        return poll();
    }

    @Override
    public void connected() {
        events.opened();
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        decoder.feed(bytes, offset, length);
    }

    @Override
    public String lastEventId() {
        return after;
    }

    @Override
    public void onHead(int code) {
        status = code;
        body.clear();
        if (code == 204) {
            events.ended("stream ended (204)");
        } else if (code != 200) {
            events.failed("HTTP " + code);
        }
    }

    @Override
    public void onBody(byte[] bytes, int offset, int length) {
        body.append(bytes, offset, length);
    }

    @Override
    public void onEnd() {
        if (status != 200) {
            return;
        }
        if (body.overflowed()) {
            events.failed("long-poll answer larger than " + PollBody.MAX_BODY + " bytes");
            return;
        }
        if (!read(body.bytes(), body.length())) {
            events.failed("malformed long-poll answer");
            return;
        }
        events.write(poll());
    }

    @Override
    public void onMalformed(String reason) {
        events.failed("malformed response: " + reason);
    }

    private boolean read(byte[] bytes, int length) {
        if (!answer.begin(bytes, 0, length)) {
            return false;
        }
        while (answer.next()) {
            if (answer.keyIs(EVENTS)) {
                if (!deliverAll(bytes, answer.valueStart(), answer.valueEnd())) {
                    return false;
                }
            } else if (answer.keyIs(LAST_EVENT_ID) && answer.valueIsString()) {
                after = new String(bytes, answer.valueStart() + 1, answer.valueEnd() - answer.valueStart() - 2,
                        StandardCharsets.UTF_8);
            }
        }
        return !answer.malformed();
    }

    private boolean deliverAll(byte[] bytes, int from, int to) {
        if (!list.begin(bytes, from, to)) {
            return false;
        }
        while (list.next()) {
            if (!envelope.read(bytes, list.valueStart(), list.valueEnd())) {
                return false;
            }
            int data = envelope.dataStart();
            if (envelope.isReset()) {
                events.reset(EventEnvelope.resetReason(bytes, data, data + envelope.dataLength()));
            } else {
                events.event(bytes, data, envelope.dataLength());
            }
        }
        return !list.malformed();
    }

    private byte[] poll() {
        String path = target.path();
        String query = "after=" + (after == null ? "" : URLEncoder.encode(after, StandardCharsets.UTF_8))
                + "&timeout=" + TIMEOUT_SECONDS;
        return ("GET " + path + (path.contains("?") ? "&" : "?") + query + " HTTP/1.1\r\n"
                + "Host: " + target.host() + ':' + target.port() + "\r\n"
                + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
