package io.camelprogress.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Our server's long-poll: {@code GET <url>?after=<id>&timeout=25} with {@code Accept: application/json},
 * answered by {@code {"events":[…],"lastEventId":"…"}} (a reset is one of the events); the next poll
 * asks after that id.
 */
final class LongPollSession extends PollSession {

    /** What the browser client asks for; the server holds a poll at most this long (seconds). */
    static final int TIMEOUT_SECONDS = 25;
    private static final byte[] EVENTS = "events".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_EVENT_ID = "lastEventId".getBytes(StandardCharsets.US_ASCII);

    private final JsonScanner answer = new JsonScanner();
    private final JsonScanner list = new JsonScanner();
    private final EventEnvelope envelope = new EventEnvelope();
    private String after;

    LongPollSession(Events events, SubscribeTarget target, String resumeId) {
        super(events, target);
        this.after = resumeId;
    }

    @Override
    public String lastEventId() {
        return after;
    }

    @Override
    protected boolean pollsAgainAfter(int status) {
        return false;
    }

    @Override
    protected boolean deliver(byte[] bytes, int length) {
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

    @Override
    protected byte[] poll() {
        String path = target.path();
        String query = "after=" + (after == null ? "" : URLEncoder.encode(after, StandardCharsets.UTF_8))
                + "&timeout=" + TIMEOUT_SECONDS;
        return ("GET " + path + (path.contains("?") ? "&" : "?") + query + " HTTP/1.1\r\n"
                + "Host: " + target.host() + ':' + target.port() + "\r\n"
                + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
