package io.camelprogress.bench;

/** Subscribers connected and no events: what an idle connection costs the server in memory and CPU. */
final class IdleScenario {

    private IdleScenario() {
    }

    static void run(RunContext ctx) {
        BenchConfig cfg = ctx.config;
        long rssBefore = ctx.sampler.rssKiB();
        ctx.openSubscribers("subscribers", false, cfg.connectConcurrency());
        long rssConnected = ctx.sampler.rssKiB();
        double cpuBefore = ctx.sampler.cpuSeconds();
        RunContext.CpuMark mark = ctx.markCpu();
        RunContext.holdFor(cfg.durationSeconds());
        double cpuAfter = ctx.sampler.cpuSeconds();
        ctx.reportContention(mark);
        long rssIdle = ctx.sampler.rssKiB();
        SubscriberGroup.Snapshot s = ctx.group.snapshot();
        // Report the larger reading: memory a server allocates lazily after accept still belongs to the connections.
        ctx.reportMemory(rssBefore, Math.max(rssConnected, rssIdle), s.open());
        ctx.report.put("stillOpenAfterIdle", s.open()).put("windowSeconds", cfg.durationSeconds());
        if (cpuBefore >= 0 && cpuAfter >= 0) {
            ctx.report.put("serverCpuSeconds", cpuAfter - cpuBefore);
        }
        ctx.reportIntegrity(null, null);
    }
}
