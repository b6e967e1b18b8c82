package io.camelprogress.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes benchmark events by HTTP POST over several lanes, either as fast as the server answers
 * or at a fixed rate. Several lanes are in flight because a server such as Nchan answers a publish
 * only after fanning it out; in the closed loop each lane waits for its answer before its next
 * event, which keeps the per-lane order the subscribers check.
 *
 * <p>In the open loop ({@link #openLoop}) events go out on schedule whatever the answers: lane
 * {@code i} is its own pipelined HTTP/1.1 connection, so its requests, and the server's handling of
 * them, stay in order. Unanswered requests are bounded by one second of events (at most
 * {@link #MAX_OUTSTANDING}); past that the schedule slips, and how far is reported. A server that
 * reads requests slower than they come is held back by TCP, so without the bound the run would end
 * with minutes of queued publishes. Runs on the event loop.
 */
final class Publisher {

    /** A fixed-rate publisher looks at the clock this often (milliseconds). */
    private static final long TICK_MILLIS = 1;
    /** Open loop: requests sent and not yet answered, at most (bounds the client's memory and the run's tail). */
    static final int MAX_OUTSTANDING = 20_000;

    private final Vertx vertx;
    private final Context loop;
    private final List<HttpClient> clients;
    private final boolean openLoop;
    private final String url;
    private final int payloadSize;
    private final int lanes;
    private final long[] nextSeq;
    private final long[] lastAcked;
    private final boolean[] busy;
    private final Map<String, Integer> failures = new TreeMap<>();
    private double ratePerSecond;
    private boolean running;
    private long startNanos;
    private long sent;
    private long sentAtStart;
    private long acked;
    private long failed;
    private int inFlight;
    private long timerId = -1;
    private long maxEvents = Long.MAX_VALUE;
    private long maxLag;
    private CompletableFuture<long[]> drained;

    /**
     * Creates a publisher.
     *
     * @param clients  one client shared by all lanes (closed loop), or one client per lane (open loop)
     * @param openLoop whether a fixed rate is kept whatever the answers
     */
    Publisher(Vertx vertx, Context loop, List<HttpClient> clients, boolean openLoop, String url, int payloadSize,
              int lanes) {
        if (openLoop && clients.size() != lanes) {
            throw new IllegalArgumentException("the open loop needs one client per lane");
        }
        this.vertx = vertx;
        this.loop = loop;
        this.clients = List.copyOf(clients);
        this.openLoop = openLoop;
        this.url = url;
        this.payloadSize = payloadSize;
        this.lanes = lanes;
        this.nextSeq = new long[lanes];
        this.lastAcked = new long[lanes];
        this.busy = new boolean[lanes];
        Arrays.fill(lastAcked, -1);
    }

    /**
     * Starts publishing.
     *
     * @param rate      events per second, or 0 for as fast as the lanes allow
     * @param maxEvents stop after this many more events (Long.MAX_VALUE for no limit)
     */
    void start(double rate, long maxEvents) {
        LoopBridge.call(loop, () -> {
            this.ratePerSecond = rate;
            this.maxEvents = maxEvents;
            this.sentAtStart = sent;
            this.running = true;
            this.startNanos = System.nanoTime();
            if (openLoop && rate <= 0) {
                throw new IllegalArgumentException("the open loop needs a rate");
            }
            if (rate > 0) {
                timerId = vertx.setPeriodic(TICK_MILLIS, ignored -> fillRate());
            } else {
                fillAll();
            }
            return null;
        });
    }

    /**
     * Stops publishing and waits for the events in flight.
     *
     * @return completes with the last acknowledged sequence number per lane (-1 for unused lanes)
     */
    CompletableFuture<long[]> stop() {
        CompletableFuture<long[]> result = new CompletableFuture<>();
        loop.runOnContext(ignored -> {
            running = false;
            if (timerId >= 0) {
                vertx.cancelTimer(timerId);
                timerId = -1;
            }
            drained = result;
            completeIfDrained();
        });
        return result;
    }

    /**
     * Publishes {@code count} events as fast as the lanes allow.
     *
     * @param count events to publish
     * @return completes, once all are answered, with the last acknowledged number per lane
     */
    CompletableFuture<long[]> burst(long count) {
        CompletableFuture<long[]> result = new CompletableFuture<>();
        loop.runOnContext(ignored -> {
            ratePerSecond = 0;
            maxEvents = count;
            sentAtStart = sent;
            running = count > 0;
            drained = result;
            fillAll();
            completeIfDrained();
        });
        return result;
    }

    /** Next sequence number of each lane, the first event a window opened now contains; call on the loop. */
    long[] nextSequencesOnLoop() {
        return nextSeq.clone();
    }

    /**
     * Counters at one instant.
     *
     * @param maxLag open loop: most events the publisher was ever behind its schedule
     */
    record Counts(long sent, long acked, long failed, long maxLag) {
    }

    Counts counts() {
        return LoopBridge.call(loop, () -> new Counts(sent, acked, failed, maxLag));
    }

    Map<String, Integer> failures() {
        return LoopBridge.call(loop, () -> new TreeMap<>(failures));
    }

    private void fillAll() {
        for (int lane = 0; lane < lanes && running; lane++) {
            if (!busy[lane] && sent - sentAtStart < maxEvents) {
                publish(lane);
            }
        }
    }

    private void fillRate() {
        if (!running) {
            return;
        }
        long due = Math.min(maxEvents, (long) ((System.nanoTime() - startNanos) * ratePerSecond / 1e9));
        if (openLoop) {
            fillOpen(due);
            return;
        }
        for (int lane = 0; lane < lanes && sent - sentAtStart < due; lane++) {
            if (!busy[lane]) {
                publish(lane, System.nanoTime());
            }
        }
    }

    /** Sends every event that is due, round robin over the lanes, stamped with its scheduled time. */
    private void fillOpen(long due) {
        int bound = (int) Math.max(lanes, Math.min(MAX_OUTSTANDING, ratePerSecond));
        while (sent - sentAtStart < due && inFlight < bound) {
            long index = sent - sentAtStart;
            publish((int) (index % lanes), startNanos + (long) (index * 1e9 / ratePerSecond));
        }
        maxLag = Math.max(maxLag, due - (sent - sentAtStart));
    }

    private void publish(int lane) {
        publish(lane, System.nanoTime());
    }

    /**
     * @param stamp the publish time written into the event; the open loop uses the scheduled time so
     *              that a server's stall is not hidden by the publisher waiting for it
     */
    private void publish(int lane, long stamp) {
        long seq = nextSeq[lane]++;
        busy[lane] = true;
        inFlight++;
        sent++;
        Buffer body = Buffer.buffer(Payload.encode(lane, seq, stamp, payloadSize));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .putHeader("Content-Type", "application/json");
        HttpClient client = openLoop ? clients.get(lane) : clients.get(0);
        client.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(answer -> {
                    if (answer.succeeded() && answer.result() / 100 == 2) {
                        acked++;
                        lastAcked[lane] = Math.max(lastAcked[lane], seq);
                    } else {
                        failed++;
                        String reason = answer.succeeded() ? "HTTP " + answer.result()
                                : answer.cause().getClass().getSimpleName();
                        failures.merge(reason, 1, Integer::sum);
                    }
                    busy[lane] = false;
                    inFlight--;
                    afterAnswer(lane);
                });
    }

    private void afterAnswer(int lane) {
        if (running && ratePerSecond <= 0 && sent - sentAtStart < maxEvents) {
            publish(lane);
        } else if (running && ratePerSecond > 0) {
            fillRate();
        }
        if (running && sent - sentAtStart >= maxEvents) {
            running = false;
        }
        completeIfDrained();
    }

    private void completeIfDrained() {
        if (drained != null && inFlight == 0 && !running) {
            CompletableFuture<long[]> result = drained;
            drained = null;
            result.complete(lastAcked.clone());
        }
    }
}
