package io.camelprogress.hub;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventId;
import io.camelprogress.event.ResetNotice;
import io.camelprogress.event.StreamItem;

/**
 * One connection's place in the hub: what it watches and a cursor into the streams' shared logs.
 * Publishing threads offer to it; the connection's own thread drains it.
 * <p>
 * A subscriber that keeps up is <em>live</em>: the hub hands it each new event, queued by reference,
 * at most {@link HubLimits#maxPendingEvents()} of them. One that falls further behind, or that starts
 * from a cursor, <em>catches up</em>: it holds no events at all, only its position, and reads the
 * logs from there in batches as its socket takes them, then goes live again once it has read to the
 * end. What it costs does not grow with how far behind it is. When events it had yet to read passed
 * out of retention, it is told in its stream with a {@code lagged} reset. The policies
 * {@link SlowConsumerPolicy#coalesce} and {@link SlowConsumerPolicy#disconnect} apply instead to a
 * subscriber whose socket is backed up.
 */
public final class Subscription {

    /** Deep-replayed events held at once: the reader waits for the subscriber beyond it. */
    private static final int DEEP_WINDOW = 1000;
    /** How long the reader waits for a subscriber that takes nothing before giving up on it. */
    private static final long DEEP_STALL_MILLIS = 30_000;

    private enum Mode {
        /** New events are queued as they come. */
        LIVE,
        /** Reading the hub's logs from {@link #position}; new events are found there. */
        CATCHING_UP,
        /** A replay source hands over events older than the logs; after it, catching up from {@link #deepUpTo}. */
        DEEP_REPLAY
    }

    private final Hub hub;
    private final StreamSelection selection;
    private final SubscriptionSink sink;
    private final int maxPending;
    private final SlowConsumerPolicy policy;
    private final Set<String> openStreams;

    // guarded by this
    private Mode mode = Mode.LIVE;
    /** Resets, and the terminal events a client without a cursor is told of, served before anything else. */
    private final ArrayDeque<StreamItem> notices = new ArrayDeque<>(2);
    private final ArrayDeque<StreamItem> live = new ArrayDeque<>();
    private final ArrayDeque<StreamItem> deepQueue = new ArrayDeque<>();
    /** The sequence of the newest event handed to the connection, or skipped past. */
    private long position;
    /** While catching up: about how many events of the selection were published that it has yet to read. */
    private int unread;
    /** For streams whose dropped events lie ahead of the cursor: the newest drop the client was told of. */
    private final Map<String, Long> toldLoss = new HashMap<>(2);
    private long deepUpTo;
    private boolean deepDone;
    private boolean wakeupSent;
    private boolean closed;
    private int highWater;
    private long coalesced;
    private long lagResets;
    private long catchUps;

    Subscription(Hub hub, StreamSelection selection, SubscriptionSink sink, HubLimits limits) {
        this.hub = hub;
        this.selection = selection;
        this.sink = sink;
        this.maxPending = limits.maxPendingEvents();
        this.policy = limits.slowConsumerPolicy();
        this.openStreams = new HashSet<>(selection.streams());
    }

    public StreamSelection selection() {
        return selection;
    }

    /** The transport of the connection behind it, for operators. */
    public String transport() {
        return sink.transport();
    }

    SubscriptionSink sink() {
        return sink;
    }

    /**
     * Places the cursor; called once, under the hub's lock, before any live event.
     *
     * @param from     the sequence after which the connection reads
     * @param first    notices to serve before any event
     * @param catchUp  whether the logs hold events after {@code from} to read first
     */
    void start(long from, List<StreamItem> first, boolean catchUp) {
        boolean wake;
        synchronized (this) {
            position = from;
            notices.addAll(first);
            mode = catchUp ? Mode.CATCHING_UP : Mode.LIVE;
            wake = (catchUp || !notices.isEmpty()) && !wakeupSent;
            wakeupSent |= wake;
        }
        if (wake) {
            sink.wakeup();
        }
    }

    /** Serves a replay source first, then catches up from {@code upTo}; called once, under the hub's lock. */
    synchronized void startDeep(long from, long upTo) {
        position = from;
        deepUpTo = upTo;
        mode = Mode.DEEP_REPLAY;
    }

    /** Offers a new event; called by the hub, under its lock, in id order. */
    void offerLive(Event event) {
        boolean wake = false;
        boolean overflow = false;
        synchronized (this) {
            if (closed || mode == Mode.DEEP_REPLAY) {
                return;
            }
            if (mode == Mode.CATCHING_UP) {
                unread++;
                if (policy != SlowConsumerPolicy.lag && unread > maxPending && sink.backpressured()) {
                    overflow = applyPolicyWhileBehind();
                }
                // the reader finds it in the log; wake it only if it had stopped
                wake = !overflow && !wakeupSent;
            } else {
                live.add(event);
                if (live.size() > maxPending) {
                    overflow = fallBehind();
                }
                highWater = Math.max(highWater, live.size());
                wake = !overflow && !wakeupSent;
            }
            wakeupSent |= wake;
        }
        if (overflow) {
            sink.overflowed();
        } else if (wake) {
            sink.wakeup();
        }
    }

    /**
     * The live queue passed its bound. A subscriber whose socket keeps up (a burst the server has yet
     * to write) or whose policy is {@code lag} catches up from the log; a backed-up one is coalesced
     * or disconnected as its policy says.
     *
     * @return whether the subscription gave up on the connection
     */
    private boolean fallBehind() {
        if (policy == SlowConsumerPolicy.lag || !sink.backpressured()) {
            // what is queued stays and is served first, then the log from after it: a burst that
            // outruns the log's retention before the connection gets to write loses nothing queued
            live.pollLast();
            unread = 1;
            mode = Mode.CATCHING_UP;
            catchUps++;
            return false;
        }
        return applyPolicy();
    }

    /**
     * A subscriber reading the logs fell a queue's length further behind while its socket is backed
     * up: its policy applies to what it has yet to read. Called under the hub's lock.
     */
    private boolean applyPolicyWhileBehind() {
        if (policy == SlowConsumerPolicy.coalesce) {
            long after = live.isEmpty() ? position : ((Event) live.peekLast()).sequence();
            ResetNotice loss = hub.readRetained(this, after, live);
            if (loss != null) {
                // what passed out of retention before it could be read is lost to it, not coalesced
                notices.add(loss);
                lagResets++;
            }
            mode = Mode.LIVE;
            unread = 0;
        }
        return applyPolicy();
    }

    /** Coalesces or disconnects a backed-up subscriber whose live queue is full. */
    private boolean applyPolicy() {
        if (policy == SlowConsumerPolicy.coalesce) {
            coalesce();
            // coalescing that frees little would run again on every event: give up instead
            if (live.size() <= Math.max(1, maxPending / 2)) {
                return false;
            }
        }
        closeLocked();
        return true;
    }

    /**
     * Keeps the newest non-terminal event per stream and event name and every terminal event, in
     * their order, after a {@code coalesced} reset naming the streams that lost events.
     */
    private void coalesce() {
        Set<String> seen = new HashSet<>();
        Set<String> lossy = new LinkedHashSet<>();
        long newestDropped = -1;
        ArrayDeque<StreamItem> kept = new ArrayDeque<>(live.size());
        for (Iterator<StreamItem> it = live.descendingIterator(); it.hasNext();) {
            StreamItem item = it.next();
            if (item instanceof Event e && !e.terminal() && !seen.add(e.stream() + '\n' + e.name())) {
                coalesced++;
                lossy.add(e.stream());
                newestDropped = Math.max(newestDropped, e.sequence());
                continue;
            }
            kept.addFirst(item);
        }
        live.clear();
        live.addAll(kept);
        if (lossy.isEmpty()) {
            return;
        }
        // one notice however often it coalesces before the client reads it
        ResetNotice told = notices.peekLast() instanceof ResetNotice last && last.reason().equals(ResetNotice.COALESCED) ? last : null;
        if (told != null) {
            notices.pollLast();
            lossy.addAll(told.streams());
            newestDropped = Math.max(newestDropped, told.resumeFrom().sequence());
        }
        EventId resume = ((Event) kept.peekLast()).id().withSequence(newestDropped);
        notices.add(new ResetNotice(List.copyOf(lossy), ResetNotice.COALESCED, resume));
    }

    /**
     * Moves up to {@code max} items to {@code into}, in order: notices, then deep-replayed events,
     * then live events or, while catching up, events read from the logs. When nothing is left, the
     * next offer wakes the sink again.
     *
     * @return how many were moved
     */
    public int drainTo(List<StreamItem> into, int max) {
        int n = 0;
        synchronized (this) {
            while (n < max && !notices.isEmpty()) {
                into.add(notices.pollFirst());
                n++;
            }
            if (mode == Mode.DEEP_REPLAY) {
                n += drainDeep(into, max - n);
                if (mode == Mode.DEEP_REPLAY) {
                    return n;
                }
            }
            // live events, or while catching up those queued before it fell behind, which come first
            while (n < max && !live.isEmpty()) {
                StreamItem item = live.pollFirst();
                position = ((Event) item).sequence();
                into.add(item);
                n++;
            }
            if (mode == Mode.LIVE) {
                if (live.isEmpty()) {
                    wakeupSent = false;
                }
                return n;
            }
            if (!live.isEmpty()) {
                return n;
            }
        }
        return n + hub.catchUp(this, into, max - n);
    }

    private int drainDeep(List<StreamItem> into, int max) {
        int n = 0;
        while (n < max && !deepQueue.isEmpty()) {
            StreamItem item = deepQueue.pollFirst();
            if (item instanceof Event e) {
                position = e.sequence();
            }
            into.add(item);
            n++;
        }
        notifyAll();
        if (deepQueue.isEmpty()) {
            if (deepDone) {
                position = Math.max(position, deepUpTo);
                mode = Mode.CATCHING_UP;
            } else {
                wakeupSent = false;
            }
        }
        return n;
    }

    /** Whether the subscription reads the logs now; called under the hub's lock, then under this. */
    boolean catchingUp() {
        return !closed && mode == Mode.CATCHING_UP;
    }

    /** The cursor: the sequence of the newest event handed over. */
    long position() {
        return position;
    }

    /**
     * Whether the loss of a stream's events up to {@code droppedUpTo} is news to the client, which
     * is then told; called under the hub's lock.
     */
    boolean untold(String stream, long droppedUpTo) {
        Long told = toldLoss.get(stream);
        if (told != null && told >= droppedUpTo) {
            return false;
        }
        toldLoss.put(stream, droppedUpTo);
        return true;
    }

    /** Moves the cursor after a read from the logs; going live when the read reached their end. */
    void caughtUpTo(long newPosition, int read, boolean atEnd) {
        position = newPosition;
        unread = Math.max(0, unread - read);
        if (!toldLoss.isEmpty()) {
            toldLoss.values().removeIf(told -> told <= newPosition);
        }
        if (atEnd) {
            mode = Mode.LIVE;
            wakeupSent = false;
        }
    }

    void countLagReset() {
        lagResets++;
    }

    /** The receiving end for a {@link ReplaySource}. */
    ReplaySource.DeepReplay deepReplay() {
        return new ReplaySource.DeepReplay() {
            @Override
            public boolean offer(Event event) throws InterruptedException {
                boolean wake;
                synchronized (Subscription.this) {
                    long deadline = System.currentTimeMillis() + DEEP_STALL_MILLIS;
                    while (!closed && deepQueue.size() >= DEEP_WINDOW) {
                        long left = deadline - System.currentTimeMillis();
                        if (left <= 0) {
                            return false;
                        }
                        Subscription.this.wait(left);
                    }
                    if (closed) {
                        return false;
                    }
                    deepQueue.add(event);
                    wake = !wakeupSent;
                    wakeupSent = true;
                }
                if (wake) {
                    sink.wakeup();
                }
                return true;
            }

            @Override
            public void gap(List<String> streams, EventId resumeFrom) {
                synchronized (Subscription.this) {
                    deepQueue.add(new ResetNotice(streams, ResetNotice.GAP, resumeFrom));
                }
            }

            @Override
            public void done() {
                synchronized (Subscription.this) {
                    deepDone = true;
                    wakeupSent = true;
                }
                sink.wakeup();
            }

            @Override
            public void failed(Throwable cause) {
                close();
                sink.overflowed();
            }
        };
    }

    /**
     * Records that the connection delivered an item.
     *
     * @return whether the subscription is finished: every stream it names has delivered its terminal
     *         event, and it watches no whole channel
     */
    public boolean delivered(StreamItem item) {
        if (item instanceof Event event && event.terminal()) {
            openStreams.remove(event.stream());
            return selection.finite() && openStreams.isEmpty();
        }
        return false;
    }

    /** Marks a named stream as already ended for this connection (its end lies before the cursor). */
    void alreadyEnded(String stream) {
        openStreams.remove(stream);
    }

    /** Whether every stream this subscription names has ended and no channel is watched. */
    boolean finishedBeforeStart() {
        return selection.finite() && openStreams.isEmpty();
    }

    synchronized void close() {
        closeLocked();
    }

    private void closeLocked() {
        closed = true;
        live.clear();
        deepQueue.clear();
        notices.clear();
        notifyAll();
    }

    /** Live events queued for the connection now, by reference: at most {@link HubLimits#maxPendingEvents()}. */
    public synchronized int pending() {
        return live.size();
    }

    /** The most live events ever queued at once: at most {@link HubLimits#maxPendingEvents()}. */
    public synchronized int pendingHighWater() {
        return highWater;
    }

    /** Whether the connection reads the logs behind the newest events now, rather than being handed each. */
    public synchronized boolean lagging() {
        return mode != Mode.LIVE;
    }

    /** How often the connection fell behind and went to read the logs. */
    public synchronized long catchUps() {
        return catchUps;
    }

    /** How many {@code lagged} resets the connection was given. */
    public synchronized long lagResets() {
        return lagResets;
    }

    /** How many queued events coalescing replaced by newer ones. */
    public synchronized long coalesced() {
        return coalesced;
    }
}
