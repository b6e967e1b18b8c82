package io.camelprogress.bench;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

/**
 * One subscription: its socket, the session that speaks the transport on it, and its sequence
 * check. Lives on the load generator's single event loop; never touched from another thread.
 */
final class Subscriber implements SubscriberSession.Events {

    /** Where a subscription is in its life. */
    enum State { IDLE, CONNECTING, OPEN, CLOSED }

    private final SubscriberGroup group;
    private final SequenceTracker tracker;
    private State state = State.IDLE;
    private NetSocket socket;
    private SubscriberSession session;
    private Promise<Void> attempt;
    private boolean closingOnPurpose;
    private int countedGeneration = -1;
    private String resumeId;
    private long truncatedBefore;

    Subscriber(SubscriberGroup group, int lanes) {
        this.group = group;
        this.tracker = new SequenceTracker(lanes);
    }

    /**
     * Connects and sends the session's opening request; {@code attempt} completes with success once
     * the session says the subscription is established, with failure otherwise.
     */
    void connect(NetClient client, SubscribeTarget target, Transport transport, boolean nchan, boolean resume,
                 Promise<Void> attempt) {
        this.attempt = attempt;
        state = State.CONNECTING;
        closingOnPurpose = false;
        if (session != null) {
            truncatedBefore += session.truncated();
        }
        SubscriberSession opened = transport.open(this, target, nchan, resume ? resumeId : null);
        session = opened;
        client.connect(target.port(), target.host()).onComplete(connected -> {
            if (connected.failed()) {
                failAttempt(connected.cause().getClass().getSimpleName());
                return;
            }
            NetSocket s = connected.result();
            socket = s;
            s.handler(this::onBytes);
            s.closeHandler(ignored -> closed());
            s.exceptionHandler(ignored -> s.close());
            s.write(Buffer.buffer(opened.openingRequest()));
            opened.connected();
        });
    }

    /** Closes the connection on purpose (reconnect storm); the close is not counted as a failure. */
    void close() {
        if (state == State.OPEN && socket != null) {
            closingOnPurpose = true;
            byte[] goodbye = session.goodbye();
            if (goodbye != null) {
                socket.write(Buffer.buffer(goodbye));
            }
            socket.close();
        }
    }

    /** Keeps the id of the last event received, to resend it when reconnecting. */
    void rememberResumePoint() {
        resumeId = session == null ? null : session.lastEventId();
    }

    State state() {
        return state;
    }

    SequenceTracker tracker() {
        return tracker;
    }

    long truncated() {
        return truncatedBefore + (session == null ? 0 : session.truncated());
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
    public void opened() {
        if (attempt == null) {
            return;
        }
        state = State.OPEN;
        group.subscriberOpened();
        Promise<Void> done = attempt;
        attempt = null;
        done.complete();
    }

    @Override
    public void failed(String reason) {
        if (attempt != null) {
            failAttempt(reason);
        } else if (!closingOnPurpose) {
            group.recordCloseReason(reason);
        }
        if (socket != null) {
            socket.close();
        }
    }

    @Override
    public void ended(String reason) {
        if (!closingOnPurpose) {
            group.recordCloseReason(reason);
        }
        if (socket != null) {
            socket.close();
        }
    }

    @Override
    public void event(byte[] data, int offset, int length) {
        group.delivered(this, data, offset, length);
    }

    @Override
    public void reset(String reason) {
        group.reset(reason);
    }

    @Override
    public void heartbeat() {
        group.comment();
    }

    @Override
    public void write(byte[] bytes) {
        if (socket != null) {
            socket.write(Buffer.buffer(bytes));
        }
    }

    private void onBytes(Buffer buffer) {
        byte[] scratch = group.scratch();
        int length = buffer.length();
        SubscriberSession current = session;
        for (int offset = 0; offset < length && current == session; offset += scratch.length) {
            int chunk = Math.min(scratch.length, length - offset);
            buffer.getBytes(offset, offset + chunk, scratch, 0);
            current.feed(scratch, 0, chunk);
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
