package io.camelprogress.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * Route throughput (our server only): asks the benchmark server to push {@code routeCount}
 * exchanges into {@code progress:} with a ProducerTemplate and reads back how long that took,
 * optionally while subscribers listen. The server numbers events lane 0, 0 to count - 1.
 */
final class RouteScenario {

    private RouteScenario() {
    }

    static void run(RunContext ctx) {
        BenchConfig cfg = ctx.config;
        if (cfg.routeUrl() == null) {
            throw new IllegalArgumentException("kind route needs --route-url");
        }
        if (cfg.subscribers() > 0) {
            ctx.openSubscribers("subscribers", false, cfg.connectConcurrency());
        }
        String url = cfg.routeUrl() + (cfg.routeUrl().contains("?") ? "&" : "?") + "count=" + cfg.routeCount()
                + "&payloadSize=" + cfg.payloadSize();
        double cpuBefore = ctx.sampler.cpuSeconds();
        RunContext.CpuMark mark = ctx.markCpu();
        long deliveriesBefore = ctx.group.snapshot().deliveries();
        JsonObject answer = ctx.waitFor(ctx.publishClient.request(new RequestOptions().setMethod(HttpMethod.POST)
                        .setAbsoluteURI(url))
                .compose(request -> request.send())
                .compose(response -> response.body())
                .map(body -> new JsonObject(body))
                .toCompletionStage().toCompletableFuture(), "running the route throughput trigger");
        double cpuAfter = ctx.sampler.cpuSeconds();
        ctx.reportContention(mark);
        long nanos = answer.getLong("nanos", 0L);
        long sent = answer.getLong("count", 0L);
        ctx.report.put("exchanges", sent).put("routeMillis", nanos / 1e6)
                .put("exchangesPerSecond", nanos > 0 ? sent * 1e9 / nanos : 0.0);
        if (cpuBefore >= 0 && cpuAfter >= 0) {
            ctx.report.put("serverCpuMicrosPerExchange", sent > 0 ? (cpuAfter - cpuBefore) * 1e6 / sent : 0.0);
        }
        if (cfg.subscribers() > 0) {
            long[] targets = new long[cfg.lanes()];
            Arrays.fill(targets, -1);
            targets[0] = sent - 1;
            boolean caughtUp = ctx.await(ctx.group.awaitReached(targets, false), cfg.drainSeconds());
            ctx.group.endCatchUp();
            ctx.report.put("caughtUpAfterRoute", caughtUp)
                    .put("deliveries", ctx.group.snapshot().deliveries() - deliveriesBefore);
            long[] starts = new long[cfg.lanes()];
            ctx.reportIntegrity(targets, starts);
            // A producer this fast outruns any subscriber, so the slow-client policy coalesces: events not
            // delivered here are the documented degradation, not loss, and are reported under their own name.
            Object notDelivered = ctx.report.get("missing");
            ctx.report.remove("missing");
            ctx.report.put("coalescedOrDropped", notDelivered);
        }
    }
}
