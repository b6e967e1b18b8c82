package io.camelprogress.transport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.camelprogress.event.Event;
import io.camelprogress.event.ResetNotice;
import io.camelprogress.event.StreamItem;

/**
 * What the HTTP side counts for operators: connections open, deliveries, resets and refusals, each
 * by a bounded tag (transport, reset reason, refusal reason), never by stream. Counting is a
 * {@link LongAdder} per batch written, so it costs the hot path next to nothing; meters read it when
 * scraped. The publish-to-write latency goes to a {@link LatencyRecorder}, when one is set, for a
 * sample of the batches.
 */
public final class TransportMetrics {

    /** The transports, as tags. */
    public static final List<String> TRANSPORTS = List.of("sse", "websocket", "long-poll");
    /** The reset reasons, as tags. */
    public static final List<String> RESET_REASONS = List.of(ResetNotice.GAP, ResetNotice.LAGGED, ResetNotice.COALESCED,
            ResetNotice.EPOCH);
    /** Why requests and messages are refused: the limits' names and the authorize step's outcomes. */
    public static final List<String> REFUSAL_REASONS = List.of("maxConnections", "maxConnectionsPerAddress", "maxStreamsPerConnection",
            "subscribeRatePerAddress", "postRatePerAddress", "upstreamRatePerConnection", "unauthorized", "forbidden");

    /** Receives the time from an event's publish to its write, in milliseconds. */
    @FunctionalInterface
    public interface LatencyRecorder {
        void record(long millis);
    }

    /** One batch in this many of a connection has its latency recorded. */
    static final int LATENCY_SAMPLE = 16;

    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> opened = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> delivered = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> upstream = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> resets = new ConcurrentHashMap<>();
    // one per REFUSAL_REASONS, so that an unnamed reason fails where it is counted
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final LongAdder slowDisconnects = new LongAdder();
    private volatile LatencyRecorder latency;

    public TransportMetrics() {
        for (String transport : TRANSPORTS) {
            open.put(transport, new AtomicInteger());
            opened.put(transport, new LongAdder());
            delivered.put(transport, new LongAdder());
        }
        for (String reason : REFUSAL_REASONS) {
            refused.put(reason, new LongAdder());
        }
        for (String reason : RESET_REASONS) {
            resets.put(reason, new LongAdder());
        }
        upstream.put("websocket", new LongAdder());
        upstream.put("http", new LongAdder());
    }

    /** Where publish-to-write latencies go from now on; null for nowhere. */
    public void latencyRecorder(LatencyRecorder recorder) {
        this.latency = recorder;
    }

    void opened(String transport) {
        open.get(transport).incrementAndGet();
        opened.get(transport).increment();
    }

    void closed(String transport) {
        open.get(transport).decrementAndGet();
    }

    /**
     * Counts a batch handed to a socket: its events, its resets and, when {@code timed}, the latency
     * of its newest event (a connection times one batch in {@link #LATENCY_SAMPLE}: a histogram's
     * update costs as much as a small write, and a sample shows the same distribution).
     */
    void delivered(String transport, List<StreamItem> items, boolean timed) {
        int events = 0;
        Event newest = null;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Event event) {
                events++;
                newest = event;
            } else if (items.get(i) instanceof ResetNotice reset) {
                resets.computeIfAbsent(reset.reason(), r -> new LongAdder()).increment();
            }
        }
        if (events > 0) {
            delivered.get(transport).add(events);
        }
        LatencyRecorder recorder = latency;
        if (timed && recorder != null && newest != null) {
            recorder.record(Math.max(0, System.currentTimeMillis() - newest.createdMillis()));
        }
    }

    void upstream(String transport) {
        upstream.get(transport).increment();
    }

    void refused(String reason) {
        LongAdder count = refused.get(reason);
        if (count == null) {
            throw new IllegalArgumentException("No refusal reason " + reason + "; one of " + REFUSAL_REASONS);
        }
        count.increment();
    }

    void slowDisconnect() {
        slowDisconnects.increment();
    }

    /** Connections open now by transport (a long-poll while it is held). */
    public int open(String transport) {
        return open.get(transport).get();
    }

    /** Connections opened so far by transport. */
    public long openedTotal(String transport) {
        return opened.get(transport).sum();
    }

    /** Events handed to sockets so far by transport. */
    public long delivered(String transport) {
        return delivered.get(transport).sum();
    }

    /** Messages from browsers so far, by how they came: {@code websocket} or {@code http}. */
    public long upstreamMessages(String transport) {
        return upstream.get(transport).sum();
    }

    /** Resets sent so far by reason. */
    public long resets(String reason) {
        LongAdder count = resets.get(reason);
        return count == null ? 0 : count.sum();
    }

    /** Requests refused so far, by reason (the limit's name, {@code unauthorized}, {@code forbidden}). */
    public Map<String, Long> refused() {
        Map<String, Long> copy = new TreeMap<>();
        refused.forEach((reason, count) -> copy.put(reason, count.sum()));
        return copy;
    }

    /** Backed-up subscribers closed by slowConsumerPolicy=disconnect (or past every bound) so far. */
    public long slowDisconnects() {
        return slowDisconnects.sum();
    }
}
