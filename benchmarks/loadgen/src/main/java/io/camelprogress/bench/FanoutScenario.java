package io.camelprogress.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Many subscribers on one stream while events are published, as fast as possible or at a fixed
 * rate (closed or open loop): delivered events per second, publish-to-receive latency, server CPU
 * per delivery, loss, and how many of the window's events each subscriber actually got.
 */
final class FanoutScenario {

    private FanoutScenario() {
    }

    static void run(RunContext ctx) {
        BenchConfig cfg = ctx.config;
        if (ctx.publisher == null) {
            throw new IllegalArgumentException("kind fanout needs --publish-url");
        }
        long rssBefore = ctx.sampler.rssKiB();
        ctx.openSubscribers("subscribers", false, cfg.connectConcurrency());
        ctx.reportMemory(rssBefore, ctx.sampler.rssKiB(), ctx.group.snapshot().open());

        // Publishing starts before the window: subscribers that register late must not count as loss.
        var firstEvent = ctx.group.awaitFirstEvent();
        ctx.publisher.start(cfg.rate(), eventBound(cfg));
        boolean allReceiving = ctx.await(firstEvent, Math.max(10, cfg.warmupSeconds() + 10));
        ctx.group.endCatchUp();
        ctx.report.put("allSubscribersReceiving", allReceiving);
        RunContext.holdFor(cfg.warmupSeconds());

        long[] windowStarts = ctx.group.openWindow(ctx.publisher);
        ctx.group.resetLatency();
        SubscriberGroup.Snapshot before = ctx.group.snapshot();
        Publisher.Counts publishedBefore = ctx.publisher.counts();
        double cpuBefore = ctx.sampler.cpuSeconds();
        RunContext.CpuMark mark = ctx.markCpu();
        long start = System.nanoTime();

        RunContext.holdFor(cfg.durationSeconds());

        SubscriberGroup.Snapshot after = ctx.group.snapshot();
        Publisher.Counts publishedAfter = ctx.publisher.counts();
        double cpuAfter = ctx.sampler.cpuSeconds();
        ctx.reportContention(mark);
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram latency = ctx.group.latencyCopy();

        long[] targets = ctx.waitFor(ctx.publisher.stop(), "stopping the publisher");
        long drainStart = System.nanoTime();
        boolean caughtUp = ctx.await(ctx.group.awaitReached(targets, false), cfg.drainSeconds());
        ctx.group.endCatchUp();

        long deliveries = after.deliveries() - before.deliveries();
        ctx.report.put("rateRequested", cfg.rate())
                .put("publishedPerSecond", (publishedAfter.acked() - publishedBefore.acked()) / seconds)
                .put("deliveriesPerSecond", deliveries / seconds)
                .put("windowSeconds", seconds);
        putLatency(ctx.report, latency);
        ctx.reportCpu(cpuBefore, cpuAfter, deliveries);
        ctx.report.put("caughtUpAfterStop", caughtUp)
                .put("drainMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStart));
        ctx.reportIntegrity(targets, windowStarts);
        reportReceived(ctx, targets, windowStarts);
    }

    /** The closed loop runs until stopped; the open loop is bounded in count too. */
    static long eventBound(BenchConfig cfg) {
        if (!cfg.openLoop()) {
            return Long.MAX_VALUE;
        }
        return cfg.maxEvents() > 0 ? cfg.maxEvents()
                : (long) Math.ceil(cfg.rate() * (cfg.warmupSeconds() + cfg.durationSeconds() + 20));
    }

    /**
     * Per subscriber, the events published from the window's start on that it received: a server
     * that skips events to keep up shows here (and in {@code missing}), not as speed.
     */
    private static void reportReceived(RunContext ctx, long[] targets, long[] windowStarts) {
        long expected = 0;
        for (int lane = 0; lane < targets.length; lane++) {
            if (targets[lane] >= windowStarts[lane]) {
                expected += targets[lane] - windowStarts[lane] + 1;
            }
        }
        SubscriberGroup.Received received = ctx.group.receivedInWindow();
        ctx.report.put("eventsPerSubscriberExpected", expected)
                .put("receivedPerSubscriberMin", received.min())
                .put("receivedPerSubscriberMedian", received.median())
                .put("receivedPerSubscriberMax", received.max());
    }

    static void putLatency(BenchReport report, Histogram h) {
        report.put("latencySamples", h.getTotalCount());
        if (h.getTotalCount() == 0) {
            return;
        }
        report.put("latencyP50Micros", h.getValueAtPercentile(50) / 1e3)
                .put("latencyP90Micros", h.getValueAtPercentile(90) / 1e3)
                .put("latencyP99Micros", h.getValueAtPercentile(99) / 1e3)
                .put("latencyP999Micros", h.getValueAtPercentile(99.9) / 1e3)
                .put("latencyMaxMicros", h.getMaxValue() / 1e3);
    }
}
