package io.camelprogress.hub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import io.camelprogress.event.Event;

/**
 * One connection's place in the hub: what it watches and the events queued for it, replay first,
 * then live. Publishing threads offer to it; the connection's own thread drains it.
 * <p>
 * The live part of the queue is bounded by {@link HubLimits#maxPendingEvents()}. Replay is not
 * counted against it: replayed events are the log's own, bounded by the log's limits.
 */
public final class Subscription {

    private final StreamSelection selection;
    private final SubscriptionSink sink;
    private final int maxPending;
    private final SlowConsumerPolicy policy;
    private final Set<String> openStreams;

    // guarded by this
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int replayQueued;
    private boolean wakeupSent;
    private boolean closed;
    private int highWater;
    private long coalesced;

    Subscription(StreamSelection selection, SubscriptionSink sink, HubLimits limits) {
        this.selection = selection;
        this.sink = sink;
        this.maxPending = limits.maxPendingEvents();
        this.policy = limits.slowConsumerPolicy();
        this.openStreams = new HashSet<>(selection.streams());
    }

    public StreamSelection selection() {
        return selection;
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
            if (queue.size() - replayQueued > maxPending) {
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
        while (n < max && !queue.isEmpty()) {
            into.add(queue.pollFirst());
            n++;
        }
        replayQueued = Math.max(0, replayQueued - n);
        if (queue.isEmpty()) {
            wakeupSent = false;
        }
        return n;
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
        replayQueued = 0;
    }

    /** Live events queued now. */
    public synchronized int pending() {
        return queue.size() - replayQueued;
    }

    /** The most live events ever queued at once; never above {@link HubLimits#maxPendingEvents()}. */
    public synchronized int pendingHighWater() {
        return highWater;
    }

    /** How many queued events coalescing replaced by newer ones. */
    public synchronized long coalesced() {
        return coalesced;
    }

    /** For tests and management: a copy of what is queued. */
    synchronized List<Object> queued() {
        return new ArrayList<>(queue);
    }
}
