package io.camelprogress.bench;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.net.NetClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * All subscribers of a run plus the counters they feed. Every method that changes state runs on the
 * one event loop; the orchestrating thread reads through {@link LoopBridge}.
 */
final class SubscriberGroup {

    /** Latencies above this are clamped; they mean the run is broken anyway. */
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(2);

    private final Context loop;
    private final NetClient client;
    private final SubscribeTarget target;
    private final Transport transport;
    private final boolean nchan;
    private final int lanes;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final byte[] scratch = new byte[64 * 1024];
    private final Payload.Reader reader = new Payload.Reader();
    private final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Map<String, Integer> failures = new TreeMap<>();
    private final Map<String, Integer> closeReasons = new TreeMap<>();
    private final Map<String, Integer> resetReasons = new TreeMap<>();
    private long resets;
    private long deliveries;
    private long comments;
    private long malformed;
    private long unexpectedCloses;
    private int open;
    private long[] catchUpTargets;
    private CountDownLatch catchUpLatch;
    private int catchUpGeneration;
    private CountDownLatch closeLatch;

    SubscriberGroup(Context loop, NetClient client, String url, Transport transport, boolean nchan, int count,
                    int lanes) {
        this.loop = loop;
        this.client = client;
        this.target = SubscribeTarget.of(url);
        this.transport = transport;
        this.nchan = nchan;
        this.lanes = lanes;
        for (int i = 0; i < count; i++) {
            subscribers.add(new Subscriber(this, lanes));
        }
    }

    /**
     * Opens every subscriber that is not open, at most {@code concurrency} connection attempts at a
     * time, optionally resuming from each one's remembered id. Runs on the loop.
     *
     * @return completes when every attempt has succeeded or failed
     */
    CompletableFuture<Void> openAll(int concurrency, boolean resume) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.runOnContext(ignored -> new Opener(concurrency, resume, done).next());
        return done;
    }

    /** Closes all open subscribers and returns a latch that opens when all their connections are gone. */
    CountDownLatch closeAll() {
        return LoopBridge.call(loop, () -> {
            int toClose = 0;
            for (Subscriber s : subscribers) {
                if (s.state() == Subscriber.State.OPEN) {
                    toClose++;
                }
            }
            closeLatch = new CountDownLatch(toClose);
            for (Subscriber s : subscribers) {
                s.close();
            }
            return closeLatch;
        });
    }

    /**
     * Starts a catch-up round: the latch opens when every subscriber counted has received, per lane,
     * the target sequence number.
     *
     * @param includeClosed also wait for subscribers that are not connected now (they are about to reconnect)
     */
    CountDownLatch awaitReached(long[] targets, boolean includeClosed) {
        return LoopBridge.call(loop, () -> {
            catchUpGeneration++;
            catchUpTargets = targets.clone();
            int behind = 0;
            for (Subscriber s : subscribers) {
                boolean counted = includeClosed || s.state() == Subscriber.State.OPEN;
                if (counted && !s.tracker().reached(catchUpTargets)) {
                    behind++;
                } else {
                    s.countFor(catchUpGeneration);
                }
            }
            catchUpLatch = new CountDownLatch(behind);
            return catchUpLatch;
        });
    }

    /** Latch that opens when every open subscriber has received at least one event on any lane. */
    CountDownLatch awaitFirstEvent() {
        return LoopBridge.call(loop, () -> {
            catchUpGeneration++;
            catchUpTargets = null;
            int waiting = 0;
            for (Subscriber s : subscribers) {
                if (s.state() == Subscriber.State.OPEN && s.tracker().received() == 0) {
                    waiting++;
                } else {
                    s.countFor(catchUpGeneration);
                }
            }
            catchUpLatch = new CountDownLatch(waiting);
            return catchUpLatch;
        });
    }

    /** Stops the current catch-up round so late events cost nothing. */
    void endCatchUp() {
        LoopBridge.call(loop, () -> {
            catchUpLatch = null;
            return null;
        });
    }

    void rememberResumePoints() {
        LoopBridge.call(loop, () -> {
            subscribers.forEach(Subscriber::rememberResumePoint);
            return null;
        });
    }

    /** Counters at one instant, read on the loop. */
    record Snapshot(long deliveries, long comments, int open, long unexpectedCloses, long malformed, long resets) {
    }

    Snapshot snapshot() {
        return LoopBridge.call(loop, () -> new Snapshot(deliveries, comments, open, unexpectedCloses, malformed, resets));
    }

    /**
     * Opens the measured window: takes the publisher's next sequence numbers and, in the same loop
     * task (so no event slips between the two), has every subscriber count the events from them on.
     *
     * @return the first sequence number of the window per lane
     */
    long[] openWindow(Publisher publisher) {
        return LoopBridge.call(loop, () -> {
            long[] from = publisher.nextSequencesOnLoop();
            subscribers.forEach(s -> s.tracker().countFrom(from));
            return from.clone();
        });
    }

    /** How many of the window's events each subscriber got: what shows a server that skips. */
    record Received(long min, long median, long max) {
    }

    Received receivedInWindow() {
        return LoopBridge.call(loop, () -> {
            long[] counts = new long[subscribers.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = subscribers.get(i).tracker().receivedInWindow();
            }
            Arrays.sort(counts);
            return counts.length == 0 ? new Received(0, 0, 0)
                    : new Received(counts[0], counts[counts.length / 2], counts[counts.length - 1]);
        });
    }

    /** Clears the latency histogram so only the measured window is reported. */
    void resetLatency() {
        LoopBridge.call(loop, () -> {
            latency.reset();
            return null;
        });
    }

    Histogram latencyCopy() {
        return LoopBridge.call(loop, latency::copy);
    }

    /** Loss and order figures summed over all subscribers. */
    record Integrity(long missing, long duplicates, long outOfOrder, long tailMissing, long truncatedLines,
                     int subscribersBehind) {
    }

    Integrity integrity(long[] targets, long[] windowStarts) {
        return LoopBridge.call(loop, () -> {
            long missing = 0, duplicates = 0, outOfOrder = 0, tail = 0, truncated = 0;
            int behind = 0;
            for (Subscriber s : subscribers) {
                SequenceTracker t = s.tracker();
                missing += t.missing();
                duplicates += t.duplicates();
                outOfOrder += t.outOfOrder();
                truncated += s.truncated();
                if (targets != null) {
                    long subscriberTail = t.tailMissing(targets, windowStarts);
                    tail += subscriberTail;
                    if (subscriberTail > 0) {
                        behind++;
                    }
                }
            }
            return new Integrity(missing, duplicates, outOfOrder, tail, truncated, behind);
        });
    }

    Map<String, Integer> failures() {
        return LoopBridge.call(loop, () -> new TreeMap<>(failures));
    }

    /** Why the server ended or broke subscriptions after they were established. */
    Map<String, Integer> closeReasons() {
        return LoopBridge.call(loop, () -> new TreeMap<>(closeReasons));
    }

    /** Reset notices received, by reason. */
    Map<String, Integer> resetReasons() {
        return LoopBridge.call(loop, () -> new TreeMap<>(resetReasons));
    }

    int size() {
        return subscribers.size();
    }

    byte[] scratch() {
        return scratch;
    }

    void delivered(Subscriber subscriber, byte[] data, int offset, int length) {
        long now = System.nanoTime();
        deliveries++;
        if (!reader.read(data, offset, length) || reader.lane() >= lanes) {
            malformed++;
            return;
        }
        latency.recordValue(Math.min(MAX_LATENCY_NANOS, Math.max(0, now - reader.nanos())));
        subscriber.tracker().accept(reader.lane(), reader.seq());
        if (catchUpLatch != null) {
            boolean done = catchUpTargets == null || subscriber.tracker().reached(catchUpTargets);
            if (done && subscriber.countFor(catchUpGeneration)) {
                catchUpLatch.countDown();
            }
        }
    }

    void comment() {
        comments++;
    }

    void reset(String reason) {
        resets++;
        resetReasons.merge(reason, 1, Integer::sum);
    }

    void recordCloseReason(String reason) {
        closeReasons.merge(reason, 1, Integer::sum);
    }

    void subscriberClosed(boolean onPurpose) {
        open--;
        if (onPurpose) {
            if (closeLatch != null) {
                closeLatch.countDown();
            }
        } else {
            unexpectedCloses++;
        }
    }

    void subscriberOpened() {
        open++;
    }

    void recordFailure(String reason) {
        failures.merge(reason, 1, Integer::sum);
    }

    /** Walks the subscriber list keeping a bounded number of connection attempts in flight. */
    private final class Opener {
        private final int concurrency;
        private final boolean resume;
        private final CompletableFuture<Void> done;
        private int nextIndex;
        private int inFlight;

        Opener(int concurrency, boolean resume, CompletableFuture<Void> done) {
            this.concurrency = Math.max(1, concurrency);
            this.resume = resume;
            this.done = done;
        }

        void next() {
            while (inFlight < concurrency && nextIndex < subscribers.size()) {
                Subscriber s = subscribers.get(nextIndex++);
                if (s.state() != Subscriber.State.OPEN) {
                    inFlight++;
                    connect(s);
                }
            }
            if (inFlight == 0 && nextIndex >= subscribers.size()) {
                done.complete(null);
            }
        }

        private void connect(Subscriber s) {
            Promise<Void> attempt = Promise.promise();
            attempt.future().onComplete(ar -> {
                inFlight--;
                next();
            });
            s.connect(client, target, transport, nchan, resume, attempt);
        }
    }
}
