package io.camelprogress.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The machinery one run needs: a Vert.x instance with a single event loop, the subscriber and
 * publisher HTTP clients, and the server sampler. Closing it closes every connection.
 */
final class RunContext implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    final BenchConfig config;
    final Vertx vertx;
    final Context loop;
    final NetClient subscribeClient;
    final HttpClient publishClient;
    final ProcessSampler sampler;
    /** The load generator itself: if it is at a full core, the figures measure the client, not the server. */
    final ProcessSampler self;
    final SubscriberGroup group;
    final Publisher publisher;
    final CpuContention serverCore;
    final CpuContention loadgenCore;
    final BenchReport report = new BenchReport();

    RunContext(BenchConfig config) {
        this.config = config;
        // One event loop: the load generator is pinned to one core, and all its state is loop-owned.
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1).setPreferNativeTransport(true));
        this.loop = vertx.getOrCreateContext();
        this.subscribeClient = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true)
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS).setIdleTimeout(0));
        this.publishClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setConnectTimeout(CONNECT_TIMEOUT_MILLIS),
                new PoolOptions().setHttp1MaxSize(config.lanes() + 1));
        this.sampler = new ProcessSampler(config.serverPids(), config.clockTicks());
        this.self = new ProcessSampler(List.of(ProcessHandle.current().pid()), config.clockTicks());
        this.serverCore = new CpuContention(config.serverCpu(), config.clockTicks());
        this.loadgenCore = new CpuContention(config.loadgenCpu(), config.clockTicks());
        this.group = new SubscriberGroup(loop, subscribeClient, config.subscribeUrl(), config.transport(),
                "nchan".equals(config.target()), config.subscribers(), config.lanes());
        this.publisher = config.publishUrl() == null ? null
                : new Publisher(vertx, loop, publishClients(), config.openLoop(), config.publishUrl(),
                        config.payloadSize(), config.lanes());
        report.put("scenario", config.scenario()).put("target", config.target());
        if (config.profile() != null) {
            report.put("profile", config.profile());
        }
        if (config.serverTransport() != null) {
            report.put("serverTransport", config.serverTransport());
        }
        report.put("kind", config.kind()).put("transport", config.transport().label())
                .put("publishMode", config.openLoop() ? "open" : "closed")
                .put("subscribers", config.subscribers()).put("payloadBytes", config.payloadSize())
                .put("loadgenTransport", vertx.isNativeTransportEnabled() ? "epoll" : "nio");
    }

    /** The closed loop shares one pooled client; the open loop pipelines each lane on a connection of its own. */
    private List<HttpClient> publishClients() {
        if (!config.openLoop()) {
            return List.of(publishClient);
        }
        List<HttpClient> lanes = new ArrayList<>();
        for (int i = 0; i < config.lanes(); i++) {
            lanes.add(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                            .setConnectTimeout(CONNECT_TIMEOUT_MILLIS).setPipelining(true)
                            .setPipeliningLimit(Publisher.MAX_OUTSTANDING),
                    new PoolOptions().setHttp1MaxSize(1)));
        }
        return lanes;
    }

    /** Opens all subscribers and records how many made it and how long it took. */
    void openSubscribers(String prefix, boolean resume, int concurrency) {
        long start = System.nanoTime();
        waitFor(group.openAll(concurrency, resume), "opening subscribers");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        SubscriberGroup.Snapshot s = group.snapshot();
        report.put(prefix + "Established", s.open()).put(prefix + "SetupMillis", millis);
        var failures = group.failures();
        if (!failures.isEmpty()) {
            report.put(prefix + "Failures", failures);
        }
    }

    <T> T waitFor(CompletableFuture<T> future, String what) {
        try {
            return future.get((long) BenchConfig.MAX_RUN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("failed or timed out while " + what, e);
        }
    }

    /** Waits for a condition latch, at most {@code seconds}; false if it did not open in time. */
    boolean await(CountDownLatch latch, double seconds) {
        try {
            return latch.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lets a measurement window run; this is the thing measured, not a wait for another thread. */
    static void holdFor(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Puts the server's memory and the per-connection share into the report. */
    void reportMemory(long rssBeforeKiB, long rssAfterKiB, int connections) {
        if (rssBeforeKiB < 0 || rssAfterKiB < 0) {
            return;
        }
        report.put("serverRssBeforeKiB", rssBeforeKiB).put("serverRssKiB", rssAfterKiB);
        if (connections > 0) {
            report.put("bytesPerConnection", (double) (rssAfterKiB - rssBeforeKiB) * 1024 / connections);
        }
    }

    /** Puts server CPU use over a window into the report, absolute and per 1,000 deliveries. */
    void reportCpu(double cpuBefore, double cpuAfter, long deliveries) {
        if (cpuBefore < 0 || cpuAfter < 0) {
            return;
        }
        double cpu = cpuAfter - cpuBefore;
        report.put("serverCpuSeconds", cpu);
        if (deliveries > 0) {
            // Microseconds per delivery is the same number as milliseconds per 1,000 deliveries.
            report.put("serverCpuMicrosPerDelivery", cpu * 1e6 / deliveries);
        }
    }

    /** CPU readings at the start of a window, to report the window's contention later. */
    record CpuMark(double serverProcess, double serverCore, double loadgenProcess, double loadgenCore, long nanos) {
    }

    CpuMark markCpu() {
        return new CpuMark(sampler.cpuSeconds(), serverCore.busySeconds(), self.cpuSeconds(),
                loadgenCore.busySeconds(), System.nanoTime());
    }

    /**
     * Reports the share of each pinned core that other processes used during the window: on a
     * machine shared with other work this is what makes a run noisy.
     */
    void reportContention(CpuMark start) {
        CpuMark end = markCpu();
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        report.put("loadgenCpuShare", (end.loadgenProcess() - start.loadgenProcess()) / seconds);
        if (serverCore.enabled() && start.serverCore() >= 0 && start.serverProcess() >= 0) {
            double foreign = (end.serverCore() - start.serverCore()) - (end.serverProcess() - start.serverProcess());
            report.put("serverCoreForeignShare", Math.max(0, foreign / seconds));
        }
        if (loadgenCore.enabled() && start.loadgenCore() >= 0) {
            double foreign = (end.loadgenCore() - start.loadgenCore()) - (end.loadgenProcess() - start.loadgenProcess());
            report.put("loadgenCoreForeignShare", Math.max(0, foreign / seconds));
        }
    }

    /** Adds loss and order figures; the run passes only when they are all zero. */
    void reportIntegrity(long[] targets, long[] windowStarts) {
        SubscriberGroup.Integrity integrity = group.integrity(targets, windowStarts);
        SubscriberGroup.Snapshot s = group.snapshot();
        report.put("missing", integrity.missing() + integrity.tailMissing())
                .put("duplicates", integrity.duplicates()).put("outOfOrder", integrity.outOfOrder())
                .put("subscribersBehindAtEnd", integrity.subscribersBehind())
                .put("resets", s.resets())
                .put("malformedEvents", s.malformed()).put("unexpectedCloses", s.unexpectedCloses())
                .put("heartbeatComments", s.comments());
        var resetReasons = group.resetReasons();
        if (!resetReasons.isEmpty()) {
            report.put("resetReasons", resetReasons);
        }
        var closeReasons = group.closeReasons();
        if (!closeReasons.isEmpty()) {
            report.put("closeReasons", closeReasons);
        }
        if (integrity.truncatedLines() > 0) {
            report.put("truncatedLines", integrity.truncatedLines());
        }
        if (publisher != null) {
            Publisher.Counts counts = publisher.counts();
            report.put("published", counts.acked()).put("publishFailures", counts.failed());
            if (config.openLoop()) {
                report.put("publishMaxLagEvents", counts.maxLag());
            }
            if (counts.failed() > 0) {
                report.put("publishFailureReasons", publisher.failures());
            }
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("closing Vert.x: " + e);
        }
    }
}
