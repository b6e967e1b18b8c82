package io.camelprogress.bench;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/**
 * One SSE subscription: its socket, its HTTP and SSE decoders and its sequence check.
 * Lives on the load generator's single event loop; never touched from another thread.
 */
final class Subscriber implements SseParser.Listener, HttpResponseDecoder.Listener {

    /** Where a subscription is in its life. */
    enum State { IDLE, CONNECTING, OPEN, CLOSED }

    private final SubscriberGroup group;
    private final SseParser parser = new SseParser(this);
    private final SequenceTracker tracker;
    private State state = State.IDLE;
    private NetSocket socket;
    private HttpResponseDecoder decoder;
    private Promise<Void> attempt;
    private boolean closingOnPurpose;
    private int countedGeneration = -1;
    private String resumeId;

    Subscriber(SubscriberGroup group, int lanes) {
        this.group = group;
        this.tracker = new SequenceTracker(lanes);
    }

    /**
     * Connects and sends the GET; {@code attempt} completes with success once a 200 head arrived,
     * with failure otherwise.
     */
    void connect(NetClient client, SubscribeTarget target, boolean resume, Promise<Void> attempt) {
        this.attempt = attempt;
        state = State.CONNECTING;
        closingOnPurpose = false;
        parser.resetPartialInput();
        decoder = new HttpResponseDecoder(this);
        byte[] request = target.request(resume ? resumeId : null).getBytes(StandardCharsets.US_ASCII);
        client.connect(target.port(), target.host()).onComplete(connected -> {
            if (connected.failed()) {
                failAttempt(connected.cause().getClass().getSimpleName());
                return;
            }
            NetSocket opened = connected.result();
            socket = opened;
            opened.handler(this::onBytes);
            opened.closeHandler(ignored -> closed());
            opened.exceptionHandler(ignored -> opened.close());
            opened.write(Buffer.buffer(request));
        });
    }

    /** Closes the connection on purpose (reconnect storm); the close is not counted as a failure. */
    void close() {
        if (state == State.OPEN && socket != null) {
            closingOnPurpose = true;
            socket.close();
        }
    }

    /** Keeps the id of the last event received, to resend it as {@code Last-Event-ID}. */
    void rememberResumePoint() {
        resumeId = parser.lastEventId();
    }

    State state() {
        return state;
    }

    SequenceTracker tracker() {
        return tracker;
    }

    long truncatedLines() {
        return parser.truncatedLines();
    }

    /** Marks this subscriber as counted for a catch-up round; true the first time per round. */
    boolean countFor(int generation) {
        if (countedGeneration == generation) {
            return false;
        }
        countedGeneration = generation;
        return true;
    }

    @Override
    public void onHead(int status) {
        if (status != 200) {
            failAttempt("HTTP " + status);
            socket.close();
            return;
        }
        state = State.OPEN;
        group.subscriberOpened();
        Promise<Void> done = attempt;
        attempt = null;
        done.complete();
    }

    @Override
    public void onBody(byte[] bytes, int offset, int length) {
        parser.feed(bytes, offset, length);
    }

    @Override
    public void onMalformed(String reason) {
        failAttempt("malformed response: " + reason);
        socket.close();
    }

    @Override
    public void onEvent(byte[] data, int dataLength) {
        group.delivered(this, data, dataLength);
    }

    @Override
    public void onComment() {
        group.comment();
    }

    private void onBytes(Buffer buffer) {
        byte[] scratch = group.scratch();
        int length = buffer.length();
        for (int offset = 0; offset < length; offset += scratch.length) {
            int chunk = Math.min(scratch.length, length - offset);
            buffer.getBytes(offset, offset + chunk, scratch, 0);
            decoder.feed(scratch, 0, chunk);
        }
    }

    private void failAttempt(String reason) {
        if (attempt != null) {
            Promise<Void> failed = attempt;
            attempt = null;
            state = State.CLOSED;
            group.recordFailure(reason);
            failed.complete();
        }
    }

    private void closed() {
        if (attempt != null) {
            failAttempt("closed before response");
            return;
        }
        if (state != State.OPEN) {
            return;
        }
        state = State.CLOSED;
        socket = null;
        group.subscriberClosed(closingOnPurpose);
    }
}
