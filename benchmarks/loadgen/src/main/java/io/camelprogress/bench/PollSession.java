package io.camelprogress.bench;

/**
 * A long-poll on one keep-alive connection: each answer is gathered whole, handed to the dialect to
 * deliver its events, and followed by the next poll. Counts as established once the first poll is
 * sent: the server holds it until there is an event, so waiting for its answer would wait for the
 * publisher.
 */
abstract class PollSession implements SubscriberSession, HttpResponseDecoder.Listener {

    protected final Events events;
    protected final SubscribeTarget target;
    private final HttpResponseDecoder decoder = new HttpResponseDecoder(this);
    private final PollBody body = new PollBody();
    private int status;

    PollSession(Events events, SubscribeTarget target) {
        this.events = events;
        this.target = target;
    }

    /** @return the next poll request */
    protected abstract byte[] poll();

    /**
     * Delivers the events of a {@code 200} answer.
     *
     * @return false if the answer is malformed
     */
    protected abstract boolean deliver(byte[] bytes, int length);

    /** @return whether a status other than 200 means "nothing yet, poll again" in this dialect */
    protected abstract boolean pollsAgainAfter(int status);

    /** A response header, for dialects that carry their position in headers. */
    @Override
    public void onHeader(String name, String value) {
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
    public void onHead(int code) {
        status = code;
        body.clear();
        if (code == 204) {
            events.ended("stream ended (204)");
        } else if (code != 200 && !pollsAgainAfter(code)) {
            events.failed("HTTP " + code);
        }
    }

    @Override
    public void onBody(byte[] bytes, int offset, int length) {
        body.append(bytes, offset, length);
    }

    @Override
    public void onEnd() {
        if (status == 200) {
            if (body.overflowed()) {
                events.failed("long-poll answer larger than " + PollBody.MAX_BODY + " bytes");
                return;
            }
            if (!deliver(body.bytes(), body.length())) {
                events.failed("malformed long-poll answer");
                return;
            }
        } else if (!pollsAgainAfter(status)) {
            return;
        }
        events.write(poll());
    }

    @Override
    public void onMalformed(String reason) {
        events.failed("malformed response: " + reason);
    }
}
