package io.camelprogress.hub;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventId;
import io.camelprogress.event.ResetNotice;
import io.camelprogress.event.StreamItem;
import io.camelprogress.event.StreamNames;

/**
 * The streams of one node: their bounded logs and the connections watching them.
 * <p>
 * Events come in from the backplane in id order. One lock orders every append against every
 * subscribe, so a subscriber's replay and its live events meet with no gap and no duplicate: what
 * was appended before it subscribed is replayed, what comes after is offered live. Offering only
 * queues; no socket is written under the lock.
 */
public final class Hub implements EventLog {

    private static final Comparator<Event> BY_SEQUENCE = Comparator.comparingLong(Event::sequence);
    /** Bytes read from the logs in one go for a subscriber catching up; its socket's own bound applies between reads. */
    private static final long CATCH_UP_BATCH_BYTES = 256 * 1024;

    private final HubLimits limits;
    private final LongSupplier clock;
    private final boolean replayOnConnect;

    private final Object lock = new Object();
    // guarded by lock
    private final Map<String, StreamLog> logs = new HashMap<>();
    private final Map<String, List<Subscription>> byStream = new HashMap<>();
    private final Map<String, List<Subscription>> byChannel = new HashMap<>();
    private final Map<String, Set<StreamLog>> logsByChannel = new HashMap<>();
    private String epoch;
    private long lastSequence;
    /** Every event from this sequence on has come through this hub; older ones only maybe. */
    private long knownFrom = 1;
    private ReplaySource replaySource;

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final LongAdder published = new LongAdder();
    private final LongAdder replays = new LongAdder();
    private final LongAdder replayedEvents = new LongAdder();

    /**
     * @param limits          the memory bounds
     * @param clock           milliseconds, for ages and TTLs
     * @param replayOnConnect whether a client that connects without an id first gets the retained
     *                        events (else only the end of a completed stream, then live events)
     */
    public Hub(HubLimits limits, LongSupplier clock, boolean replayOnConnect) {
        this.limits = limits;
        this.clock = clock;
        this.replayOnConnect = replayOnConnect;
    }

    /** Sets the epoch of the ids the backplane will give; a client holding another epoch's id gets a reset. */
    @Override
    public void epoch(String epoch) {
        synchronized (lock) {
            this.epoch = epoch;
        }
    }

    /**
     * Tells the hub where its knowledge starts and where older events can be read again: a
     * backplane that starts reading its log part-way sets both.
     *
     * @param knownFrom    the first sequence this hub is sure to have seen
     * @param replaySource where events before a log's start can be read, or null
     */
    @Override
    public void history(long knownFrom, ReplaySource replaySource) {
        synchronized (lock) {
            this.knownFrom = knownFrom;
            this.replaySource = replaySource;
        }
    }

    /**
     * Makes room for an event of a stream before the backplane gives it an id: when the stream is
     * new and {@code maxStreams} are held, the oldest completed or empty stream is dropped.
     *
     * @throws ProgressLimitExceededException when every stream held is active
     */
    @Override
    public void reserve(String stream) {
        synchronized (lock) {
            if (!logs.containsKey(stream) && logs.size() >= limits.maxStreams() && !evictOne(false)) {
                throw new ProgressLimitExceededException("The hub holds maxStreams=" + limits.maxStreams()
                        + " active streams; stream '" + stream + "' was not created."
                        + " Raise maxStreams, or end streams with a terminal event so they can be reclaimed");
            }
        }
    }

    /** Appends an event that the backplane gave an id, and offers it to the connections watching its stream. */
    @Override
    public void accept(Event event) {
        long now = clock.getAsLong();
        synchronized (lock) {
            StreamLog log = logs.get(event.stream());
            if (log == null) {
                if (logs.size() >= limits.maxStreams()) {
                    evictOne(true);
                }
                log = new StreamLog(event.stream(), now);
                logs.put(event.stream(), log);
                logsByChannel.computeIfAbsent(StreamNames.channelOf(log.name()), k -> new LinkedHashSet<>()).add(log);
            }
            log.append(event, limits, now);
            published.increment();
            lastSequence = event.sequence();
            offer(byStream.get(event.stream()), event);
            if (!byChannel.isEmpty()) {
                offer(byChannel.get(StreamNames.channelOf(event.stream())), event);
            }
        }
    }

    private static void offer(List<Subscription> subs, Event event) {
        if (subs != null) {
            for (int i = 0, n = subs.size(); i < n; i++) {
                subs.get(i).offerLive(event);
            }
        }
    }

    /**
     * Subscribes a streaming connection: it first reads what it missed after {@code cursor} (all
     * retained events when it has none), then live events. A resume point older than retention is
     * told with a {@code gap} reset.
     *
     * @param cursor the last id the client saw, or {@code null}
     */
    public SubscribeOutcome subscribe(StreamSelection selection, EventId cursor, SubscriptionSink sink) {
        return subscribe(selection, cursor, sink, ResetNotice.GAP);
    }

    /**
     * Like {@link #subscribe(StreamSelection, EventId, SubscriptionSink)}, naming what events lost
     * after the cursor are called: a long-poll's cursor is a subscriber's own reading position, so
     * its losses are {@code lagged}.
     */
    public SubscribeOutcome subscribe(StreamSelection selection, EventId cursor, SubscriptionSink sink, String lossReason) {
        Subscription sub = new Subscription(this, selection, sink, limits);
        synchronized (lock) {
            List<StreamLog> selected = selectedLogs(selection);
            long after = 0;
            List<StreamItem> first = new ArrayList<>(1);
            if (cursor != null && epoch != null && !cursor.epoch().equals(epoch)) {
                first.add(new ResetNotice(names(selected, selection), ResetNotice.EPOCH, new EventId(epoch, 0)));
            } else if (cursor != null && replaySource != null && needsDeepReplay(selected, cursor.sequence())) {
                return subscribeWithDeepReplay(sub, selection, selected, cursor.sequence());
            } else if (cursor != null) {
                after = cursor.sequence();
                ResetNotice loss = lossAfter(selected, after, cursor.epoch(), lossReason, sub);
                if (loss != null) {
                    first.add(loss);
                }
            } else if (!replayOnConnect) {
                after = lastSequence;
            }
            boolean catchUp = false;
            List<Event> terminals = new ArrayList<>(0);
            for (StreamLog log : selected) {
                Event terminal = log.terminal();
                if (terminal != null && terminal.sequence() <= after) {
                    if (cursor != null) {
                        sub.alreadyEnded(log.name());
                    } else {
                        // a client without a cursor that skips the replay still learns of the end
                        terminals.add(terminal);
                    }
                } else if (log.size() > 0 && log.last().sequence() > after) {
                    catchUp = true;
                }
            }
            if (first.isEmpty() && sub.finishedBeforeStart()) {
                return new SubscribeOutcome(null, true);
            }
            terminals.sort(BY_SEQUENCE);
            first.addAll(terminals);
            if (catchUp) {
                replays.increment();
            }
            sub.start(after, first, catchUp);
            register(sub, selection);
        }
        subscriptions.add(sub);
        return new SubscribeOutcome(sub, false);
    }

    /**
     * The notice for the selected streams that dropped events after {@code after} which the
     * subscriber has not been told of yet, or null when none did.
     */
    private static ResetNotice lossAfter(List<StreamLog> selected, long after, String epoch, String reason,
                                         Subscription sub) {
        List<String> lossy = null;
        long droppedUpTo = after;
        for (StreamLog log : selected) {
            long dropped = log.droppedUpTo();
            if (dropped > after && sub.untold(log.name(), dropped)) {
                if (lossy == null) {
                    lossy = new ArrayList<>(2);
                }
                lossy.add(log.name());
                droppedUpTo = Math.max(droppedUpTo, dropped);
            }
        }
        return lossy == null ? null : new ResetNotice(lossy, reason, new EventId(epoch, droppedUpTo));
    }

    /**
     * Reads the next events of a subscription that is catching up, after a {@code lagged} reset for
     * the streams that dropped some it had yet to read, and sends it live once it has read to the end.
     * Called on the connection's thread; publishing waits meanwhile, so no event slips between the
     * end of the read and going live.
     *
     * @return how many items were added
     */
    int catchUp(Subscription sub, List<StreamItem> into, int max) {
        synchronized (lock) {
            synchronized (sub) {
                if (!sub.catchingUp()) {
                    return 0;
                }
                List<StreamLog> selected = selectedLogs(sub.selection());
                long after = sub.position();
                int added = 0;
                ResetNotice loss = epoch == null ? null : lossAfter(selected, after, epoch, ResetNotice.LAGGED, sub);
                if (loss != null) {
                    into.add(loss);
                    sub.countLagReset();
                    added++;
                }
                LogRead read = LogRead.after(selected, after, max - added, CATCH_UP_BATCH_BYTES, into);
                sub.caughtUpTo(read.position(), read.count(), read.atEnd());
                replayedEvents.add(read.count());
                return added + read.count();
            }
        }
    }

    /**
     * Every retained event of a subscription's streams after {@code after}, in order, for a policy
     * that decides what of them it keeps. Called under the lock and the subscription's (from an offer).
     *
     * @return a {@code lagged} notice for the streams that dropped events after {@code after} which
     *         the subscriber has not been told of, or null
     */
    ResetNotice readRetained(Subscription sub, long after, Collection<StreamItem> into) {
        List<StreamLog> selected = selectedLogs(sub.selection());
        ResetNotice loss = epoch == null ? null : lossAfter(selected, after, epoch, ResetNotice.LAGGED, sub);
        List<StreamItem> read = new ArrayList<>();
        LogRead.after(selected, after, Integer.MAX_VALUE, Long.MAX_VALUE, read);
        into.addAll(read);
        return loss;
    }

    /** Whether events after {@code after} may be missing from memory: before the hub's start, or dropped from a log. */
    private boolean needsDeepReplay(List<StreamLog> selected, long after) {
        if (after + 1 < knownFrom) {
            return true;
        }
        for (StreamLog log : selected) {
            if (log.hasGapAfter(after)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Registers the subscription for live events now, and has the replay source fill in everything
     * from the cursor up to the last event appended so far, served ahead of the rest, which the
     * subscription then reads from the logs: no gap, no duplicate. Called under the lock.
     */
    private SubscribeOutcome subscribeWithDeepReplay(Subscription sub, StreamSelection selection, List<StreamLog> selected,
                                                     long after) {
        for (StreamLog log : selected) {
            if (log.terminal() != null && log.terminal().sequence() <= after) {
                sub.alreadyEnded(log.name());
            }
        }
        if (sub.finishedBeforeStart()) {
            return new SubscribeOutcome(null, true);
        }
        sub.startDeep(after, lastSequence);
        replays.increment();
        register(sub, selection);
        subscriptions.add(sub);
        replaySource.replay(selection, after, lastSequence, sub.deepReplay());
        return new SubscribeOutcome(sub, false);
    }

    private void register(Subscription sub, StreamSelection selection) {
        for (String stream : selection.streams()) {
            byStream.computeIfAbsent(stream, k -> new ArrayList<>(2)).add(sub);
        }
        for (String channel : selection.channels()) {
            byChannel.computeIfAbsent(channel, k -> new ArrayList<>(2)).add(sub);
        }
    }

    private List<StreamLog> selectedLogs(StreamSelection selection) {
        List<StreamLog> selected = new ArrayList<>(selection.streams().size());
        for (String stream : selection.streams()) {
            StreamLog log = logs.get(stream);
            if (log != null) {
                selected.add(log);
            }
        }
        for (String channel : selection.channels()) {
            Set<StreamLog> ofChannel = logsByChannel.get(channel);
            if (ofChannel != null) {
                for (StreamLog log : ofChannel) {
                    if (!selection.streams().contains(log.name())) {
                        selected.add(log);
                    }
                }
            }
        }
        return selected;
    }

    private static List<String> names(List<StreamLog> logs, StreamSelection selection) {
        List<String> names = new ArrayList<>(selection.streams());
        for (StreamLog log : logs) {
            if (!names.contains(log.name())) {
                names.add(log.name());
            }
        }
        return names;
    }

    /** Removes a connection's subscription; it receives nothing more. */
    public void unsubscribe(Subscription sub) {
        sub.close();
        synchronized (lock) {
            for (String stream : sub.selection().streams()) {
                remove(byStream, stream, sub);
            }
            for (String channel : sub.selection().channels()) {
                remove(byChannel, channel, sub);
            }
        }
        subscriptions.remove(sub);
    }

    /**
     * Removes in place, under the lock: offer loops run under the same lock, and no sink reacts to an
     * offer by unsubscribing on the spot (they close their connections on their own threads).
     */
    private static void remove(Map<String, List<Subscription>> index, String key, Subscription sub) {
        List<Subscription> subs = index.get(key);
        if (subs != null && subs.remove(sub) && subs.isEmpty()) {
            index.remove(key);
        }
    }

    /**
     * Drops every connection watching a stream (named, or through its channel); the clients
     * reconnect and resume from their last ids, here or on another node.
     *
     * @return how many were dropped
     */
    public int disconnect(String stream) {
        int dropped = 0;
        for (Subscription sub : subscriptions) {
            if (sub.selection().matches(stream)) {
                sub.close();
                sub.sink().disconnect();
                dropped++;
            }
        }
        return dropped;
    }

    /**
     * Applies the age bound and the completed-stream TTL; run periodically.
     *
     * @return how many streams were dropped
     */
    public int sweep() {
        long now = clock.getAsLong();
        int dropped = 0;
        synchronized (lock) {
            for (var it = logs.values().iterator(); it.hasNext();) {
                StreamLog log = it.next();
                if (log.completed() && now - log.lastActivityMillis() >= limits.completedTtlMillis()) {
                    it.remove();
                    unindex(log);
                    dropped++;
                } else {
                    log.expire(now - limits.maxEventAgeMillis());
                }
            }
        }
        return dropped;
    }

    private void unindex(StreamLog log) {
        String channel = StreamNames.channelOf(log.name());
        Set<StreamLog> ofChannel = logsByChannel.get(channel);
        if (ofChannel != null && ofChannel.remove(log) && ofChannel.isEmpty()) {
            logsByChannel.remove(channel);
        }
    }

    /** Drops the least recently active completed or empty stream, or any when {@code force}. */
    private boolean evictOne(boolean force) {
        StreamLog oldest = null;
        for (StreamLog log : logs.values()) {
            boolean reclaimable = force || log.completed() || log.size() == 0;
            if (reclaimable && (oldest == null || log.lastActivityMillis() < oldest.lastActivityMillis())) {
                oldest = log;
            }
        }
        if (oldest != null) {
            logs.remove(oldest.name());
            unindex(oldest);
        }
        return oldest != null;
    }

    /** The state of each named stream, for the snapshot request; unknown streams are left out. */
    public List<StreamSnapshot> snapshot(Collection<String> streams) {
        List<StreamSnapshot> result = new ArrayList<>();
        synchronized (lock) {
            for (String stream : streams) {
                StreamLog log = logs.get(stream);
                if (log != null) {
                    Map<String, Event> latest = new LinkedHashMap<>();
                    for (int i = 0; i < log.size(); i++) {
                        Event e = log.get(i);
                        latest.remove(e.name());
                        latest.put(e.name(), e);
                    }
                    result.add(new StreamSnapshot(stream, latest, log.last(), log.completed()));
                }
            }
        }
        return result;
    }

    /** Names of the streams held now in a channel. */
    public List<String> streamsOf(String channel) {
        List<String> names = new ArrayList<>();
        synchronized (lock) {
            for (String name : logs.keySet()) {
                if (StreamNames.channelOf(name).equals(channel)) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** Streams held now. */
    public int streamCount() {
        synchronized (lock) {
            return logs.size();
        }
    }

    /** Events retained in one stream's log, or 0 when the stream is unknown. */
    public int retainedEvents(String stream) {
        synchronized (lock) {
            StreamLog log = logs.get(stream);
            return log == null ? 0 : log.size();
        }
    }

    /** Bytes retained in one stream's log, or 0 when the stream is unknown. */
    public long retainedBytes(String stream) {
        synchronized (lock) {
            StreamLog log = logs.get(stream);
            return log == null ? 0 : log.bytes();
        }
    }

    /** The connections subscribed now. */
    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Connections subscribed now, without copying them. */
    public int subscriptionCount() {
        return subscriptions.size();
    }

    /** Subscribers reading the log behind the live end now, because they fell behind or are replaying. */
    public int laggingSubscribers() {
        int n = 0;
        for (Subscription sub : subscriptions) {
            if (sub.lagging()) {
                n++;
            }
        }
        return n;
    }

    /** Events appended to the logs so far (from this node's routes and, with Kafka, from the others'). */
    public long publishedEvents() {
        return published.sum();
    }

    /** Subscribes so far that started by reading retained (or, with Kafka, topic) events. */
    public long replays() {
        return replays.sum();
    }

    /** Events read from the logs so far for subscribers replaying or catching up. */
    public long replayedEvents() {
        return replayedEvents.sum();
    }

    /**
     * One stream as operators see it.
     *
     * @param name           the stream
     * @param retainedEvents events in its log
     * @param retainedBytes  bytes in its log
     * @param completed      whether its terminal event has come
     */
    public record StreamSummary(String name, int retainedEvents, long retainedBytes, boolean completed) {
    }

    /** The streams held now, by name, at most {@code max} of them. */
    public List<StreamSummary> streamSummaries(int max) {
        synchronized (lock) {
            return logs.values().stream().map(log -> new StreamSummary(log.name(), log.size(), log.bytes(), log.completed()))
                    .sorted(Comparator.comparing(StreamSummary::name)).limit(max).toList();
        }
    }

    /**
     * Drops a completed stream now, rather than at the end of its TTL.
     *
     * @return whether it was dropped: false when it is unknown or not completed, or subscribers still read it
     */
    public boolean dropCompleted(String stream) {
        synchronized (lock) {
            StreamLog log = logs.get(stream);
            if (log == null || !log.completed() || byStream.containsKey(stream) && !byStream.get(stream).isEmpty()) {
                return false;
            }
            logs.remove(stream);
            unindex(log);
            return true;
        }
    }

    /** Events and bytes retained by every log together. */
    public record Retained(long events, long bytes) {
    }

    /** Events and bytes retained by every log now. */
    public Retained retained() {
        synchronized (lock) {
            long events = 0;
            long bytes = 0;
            for (StreamLog log : logs.values()) {
                events += log.size();
                bytes += log.bytes();
            }
            return new Retained(events, bytes);
        }
    }
}
