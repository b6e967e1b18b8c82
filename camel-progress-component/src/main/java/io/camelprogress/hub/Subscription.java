package io.camelprogress.hub;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventId;

/**
 * One connection's place in the hub: what it watches and the events queued for it, replay first,
 * then live. Publishing threads offer to it; the connection's own thread drains it.
 * <p>
 * The live part of the queue is bounded by {@link HubLimits#maxPendingEvents()} while the client's
 * socket is backed up, and by {@link #BURST_FACTOR} times that while it keeps up (a burst the server
 * has yet to write is not a slow client). Replay is not counted against it: replayed events are the
 * log's own, bounded by the log's limits.
 */
public final class Subscription {

    /**
     * How far past its bound the queue of a subscriber that keeps up may grow during a burst that
     * the server has yet to write; the bound applies at once to one whose socket is backed up.
     */
    public static final int BURST_FACTOR = 8;
    /** Deep-replayed events held at once: the reader waits for the subscriber beyond it. */
    private static final int DEEP_WINDOW = 1000;
    /** How long the reader waits for a subscriber that takes nothing before giving up on it. */
    private static final long DEEP_STALL_MILLIS = 30_000;

    private final StreamSelection selection;
    private final SubscriptionSink sink;
    private final int maxPending;
    private final SlowConsumerPolicy policy;
    private final Set<String> openStreams;

    // guarded by this
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** Events read back from the replay source, served before anything in {@link #queue}. */
    private final ArrayDeque<Object> deepQueue = new ArrayDeque<>();
    private boolean deepReplaying;
    private int replayQueued;
    private boolean wakeupSent;
    private boolean closed;
    private int highWater;
    private long coalesced;

    Subscription(StreamSelection selection, SubscriptionSink sink, HubLimits limits, SlowConsumerPolicy policy) {
        this.selection = selection;
        this.sink = sink;
        this.maxPending = limits.maxPendingEvents();
        this.policy = policy;
        this.openStreams = new HashSet<>(selection.streams());
    }

    public StreamSelection selection() {
        return selection;
    }

    SubscriptionSink sink() {
        return sink;
    }

    /** Queues the reset notice and the replayed events; called once, before any live event. */
    void offerReplay(ResetNotice reset, List<Event> replay) {
        boolean wake;
        synchronized (this) {
            if (reset != null) {
                queue.add(reset);
                replayQueued++;
            }
            queue.addAll(replay);
            replayQueued += replay.size();
            wake = !queue.isEmpty() && !wakeupSent;
            wakeupSent |= wake;
        }
        if (wake) {
            sink.wakeup();
        }
    }

    /** Queues a live event; called by the hub in id order. */
    void offerLive(Event event) {
        boolean wake;
        boolean overflow = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            queue.add(event);
            int live = queue.size() - replayQueued;
            if (live > maxPending && (live > maxPending * BURST_FACTOR || sink.backpressured())) {
                if (policy == SlowConsumerPolicy.coalesce) {
                    coalesce();
                }
                // coalescing that frees little would run again on every event: give up instead
                overflow = queue.size() - replayQueued > Math.max(1, maxPending / 2);
                if (overflow) {
                    closeLocked();
                }
            }
            highWater = Math.max(highWater, queue.size() - replayQueued);
            wake = !overflow && !wakeupSent;
            wakeupSent |= wake;
        }
        if (overflow) {
            sink.overflowed();
        } else if (wake) {
            sink.wakeup();
        }
    }

    /**
     * Keeps the newest non-terminal event per stream and event name, every terminal event and every
     * reset, in their order. Replayed and live entries are then counted alike.
     */
    private void coalesce() {
        Set<String> seen = new HashSet<>();
        ArrayDeque<Object> kept = new ArrayDeque<>(queue.size());
        for (Iterator<Object> it = queue.descendingIterator(); it.hasNext();) {
            Object item = it.next();
            if (item instanceof Event e && !e.terminal() && !seen.add(e.stream() + '\n' + e.name())) {
                coalesced++;
                continue;
            }
            kept.addFirst(item);
        }
        queue.clear();
        queue.addAll(kept);
        replayQueued = 0;
    }

    /**
     * Moves up to {@code max} queued items ({@link Event} or {@link ResetNotice}) to {@code into}.
     * When the queue is left empty, the next offer wakes the sink again.
     *
     * @return how many were moved
     */
    public synchronized int drainTo(List<Object> into, int max) {
        int n = 0;
        if (deepReplaying || !deepQueue.isEmpty()) {
            while (n < max && !deepQueue.isEmpty()) {
                into.add(deepQueue.pollFirst());
                n++;
            }
            notifyAll();
            if (deepQueue.isEmpty()) {
                wakeupSent = false;
            }
            if (deepReplaying || n == max) {
                return n;
            }
        }
        int live = 0;
        while (n < max && !queue.isEmpty()) {
            into.add(queue.pollFirst());
            n++;
            live++;
        }
        replayQueued = Math.max(0, replayQueued - live);
        if (queue.isEmpty()) {
            wakeupSent = false;
        }
        return n;
    }

    /** Holds live events back until a replay source has handed over the older ones. */
    synchronized void beginDeepReplay() {
        deepReplaying = true;
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
                    deepReplaying = false;
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
     * Records that the connection delivered an event.
     *
     * @return whether the subscription is finished: every stream it names has delivered its terminal
     *         event, and it watches no whole channel
     */
    public boolean delivered(Event event) {
        if (event.terminal()) {
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
        queue.clear();
        deepQueue.clear();
        replayQueued = 0;
        notifyAll();
    }

    /** Live events queued now. */
    public synchronized int pending() {
        return queue.size() - replayQueued;
    }

    /**
     * The most live events ever queued at once: at most {@link HubLimits#maxPendingEvents()} while
     * the client is backed up, at most {@link #BURST_FACTOR} times that while it keeps up.
     */
    public synchronized int pendingHighWater() {
        return highWater;
    }

    /** How many queued events coalescing replaced by newer ones. */
    public synchronized long coalesced() {
        return coalesced;
    }
}
