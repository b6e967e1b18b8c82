package io.camelprogress.bench;

import java.util.concurrent.TimeUnit;

/**
 * Reconnect storm: subscribers that saw event M all drop, {@code stormBehind} events are published
 * while they are away, and they all come back at once with {@code Last-Event-ID} of M. Measures the
 * time until every one has received everything up to the newest event, and loss at the seam.
 */
final class StormScenario {

    private StormScenario() {
    }

    static void run(RunContext ctx) {
        BenchConfig cfg = ctx.config;
        if (ctx.publisher == null) {
            throw new IllegalArgumentException("kind storm needs --publish-url");
        }
        ctx.openSubscribers("subscribers", false, cfg.connectConcurrency());

        // A few events so every subscriber has a resume id, then let them all reach the last one.
        var firstEvent = ctx.group.awaitFirstEvent();
        ctx.publisher.start(cfg.rate() > 0 ? cfg.rate() : 100, Long.MAX_VALUE);
        boolean receiving = ctx.await(firstEvent, 20);
        long[] marker = ctx.waitFor(ctx.publisher.stop(), "publishing marker events");
        boolean atMarker = ctx.await(ctx.group.awaitReached(marker, false), cfg.drainSeconds());
        ctx.group.endCatchUp();
        ctx.group.rememberResumePoints();
        ctx.report.put("allSubscribersAtMarker", receiving && atMarker);

        for (int round = 0; round < cfg.stormWarmupRounds(); round++) {
            // unmeasured: the same drop, burst and reconnect, for the server's JIT, not for the figures
            ctx.await(ctx.group.closeAll(), 30);
            long[] reached = ctx.waitFor(ctx.publisher.burst(cfg.stormBehind()), "publishing while subscribers are away");
            var warmedUp = ctx.group.awaitReached(reached, true);
            ctx.openSubscribers("warmup" + round, true, cfg.stormSubscribers());
            boolean warm = ctx.await(warmedUp, cfg.drainSeconds());
            ctx.group.endCatchUp();
            ctx.group.rememberResumePoints();
            ctx.report.put("warmupRound" + round + "CaughtUp", warm);
        }

        boolean allClosed = ctx.await(ctx.group.closeAll(), 30);
        ctx.report.put("allDisconnected", allClosed);

        long[] targets = ctx.waitFor(ctx.publisher.burst(cfg.stormBehind()),
                "publishing while subscribers are away");

        double cpuBefore = ctx.sampler.cpuSeconds();
        RunContext.CpuMark mark = ctx.markCpu();
        long deliveriesBefore = ctx.group.snapshot().deliveries();
        var caughtUp = ctx.group.awaitReached(targets, true);
        long start = System.nanoTime();
        ctx.openSubscribers("reconnected", true, cfg.stormSubscribers());
        boolean all = ctx.await(caughtUp, cfg.drainSeconds());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        ctx.group.endCatchUp();
        double cpuAfter = ctx.sampler.cpuSeconds();
        ctx.reportContention(mark);
        long deliveries = ctx.group.snapshot().deliveries() - deliveriesBefore;

        ctx.report.put("stormSubscribers", cfg.stormSubscribers()).put("eventsBehind", cfg.stormBehind())
                .put("allCaughtUp", all).put("catchUpMillis", millis)
                .put("replayedDeliveries", deliveries)
                .put("deliveriesPerSecond", deliveries / Math.max(1e-3, millis / 1e3));
        ctx.reportCpu(cpuBefore, cpuAfter, deliveries);
        long[] windowStarts = marker.clone();
        for (int i = 0; i < windowStarts.length; i++) {
            windowStarts[i] = marker[i] + 1;
        }
        ctx.reportIntegrity(targets, windowStarts);
    }
}
