package io.camelprogress.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command-line settings of one load-generator run.
 *
 * @param kind               what to measure: fanout (also the latency runs, with a rate), idle, storm or route
 * @param scenario           label of the scenario in reports
 * @param target             server under test: ours or nchan
 * @param subscribeUrl       SSE URL subscribers GET
 * @param publishUrl         URL events are POSTed to
 * @param routeUrl           our server's route-throughput trigger (kind route only)
 * @param serverPids         pids whose CPU and memory are sampled; empty for none
 * @param subscribers        number of SSE subscriptions
 * @param rate               events per second, 0 for as fast as possible
 * @param durationSeconds    measured window
 * @param warmupSeconds      publishing before the measured window, for the JIT and caches
 * @param payloadSize        event body size in bytes
 * @param lanes              concurrent publish connections
 * @param connectConcurrency connection attempts in flight while subscribers open
 * @param stormSubscribers   reconnect attempts in flight at once in a storm (all subscribers reconnect)
 * @param stormBehind        events published while they are away
 * @param stormWarmupRounds  storms run and not measured before the measured one, so that the server's
 *                           JIT has compiled the reconnect and replay path, as on a server that has run a while
 * @param routeCount         exchanges sent into progress: by the route trigger (kind route)
 * @param drainSeconds       longest wait for subscribers to catch up after publishing stops
 * @param clockTicks         kernel clock ticks per second for /proc CPU figures
 * @param serverCpu          CPU the server is pinned to, or -1; used to report what others took from it
 * @param loadgenCpu         CPU the load generator is pinned to, or -1
 * @param transport          how subscribers receive events: SSE, WebSocket or long-poll
 * @param openLoop           publish at {@code rate} whatever the answers, instead of each lane waiting for its answer
 * @param maxEvents          open loop: most events published in the run, 0 for rate × (warm-up + duration + 20 s)
 * @param profile            label of the server configuration in reports (for example tuned or defaults), or null
 * @param serverTransport    label of the server's network transport in reports (epoll or nio), or null
 * @param jsonOut            file to write the JSON report to, or null
 */
public record BenchConfig(String kind, String scenario, String target, String subscribeUrl, String publishUrl,
                          String routeUrl, List<Long> serverPids, int subscribers, double rate,
                          double durationSeconds, double warmupSeconds, int payloadSize, int lanes,
                          int connectConcurrency, int stormSubscribers, int stormBehind, int stormWarmupRounds, int routeCount,
                          double drainSeconds, long clockTicks, int serverCpu, int loadgenCpu,
                          Transport transport, boolean openLoop, long maxEvents, String profile,
                          String serverTransport, String jsonOut) {

    /** Hard ceiling on any single run: every wait is also bounded by it. */
    public static final double MAX_RUN_SECONDS = 300;

    /** Checks ranges so a typo cannot start an unbounded run. */
    public BenchConfig {
        if (!List.of("fanout", "idle", "storm", "route").contains(kind)) {
            throw new IllegalArgumentException("--kind must be fanout, idle, storm or route: " + kind);
        }
        if (subscribers < 0 || subscribers > 50_000) {
            throw new IllegalArgumentException("--subscribers must be 0..50000");
        }
        if (durationSeconds <= 0 || durationSeconds + warmupSeconds + drainSeconds > MAX_RUN_SECONDS) {
            throw new IllegalArgumentException("duration, warm-up and drain must add up to at most "
                    + MAX_RUN_SECONDS + " s");
        }
        if (lanes < 1 || lanes > Payload.MAX_LANES) {
            throw new IllegalArgumentException("--lanes must be 1.." + Payload.MAX_LANES);
        }
        if (payloadSize < 48 || payloadSize > 60_000) {
            throw new IllegalArgumentException("--payload-size must be 48..60000");
        }
        if (stormSubscribers > subscribers) {
            throw new IllegalArgumentException("--storm-subscribers cannot exceed --subscribers");
        }
        if (rate < 0 || rate > 1_000_000) {
            throw new IllegalArgumentException("--rate must be 0..1000000 events/s");
        }
        if (openLoop && (rate <= 0 || !kind.equals("fanout"))) {
            throw new IllegalArgumentException("--publish-mode open needs --kind fanout and a --rate above 0");
        }
        if (maxEvents < 0 || maxEvents > 100_000_000) {
            throw new IllegalArgumentException("--events must be 0..100000000");
        }
        if (transport != Transport.SSE && !List.of("fanout", "idle").contains(kind)) {
            throw new IllegalArgumentException("--transport " + transport.label() + " is measured with kind fanout or idle");
        }
        serverPids = List.copyOf(serverPids);
    }

    /**
     * Parses {@code --name value} pairs.
     *
     * @param args command-line arguments
     * @return the settings, with defaults for what is not given
     */
    public static BenchConfig parse(String[] args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if ("--help".equals(name) || "-h".equals(name)) {
                throw new IllegalArgumentException(usage());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name + "\n" + usage());
            }
            String value = args[++i];
            b.set(name, value);
        }
        return b.build();
    }

    /** @return the usage text */
    public static String usage() {
        return String.join("\n",
                "usage: LoadGen --kind fanout|idle|storm|route --subscribe-url URL [options]",
                "  --scenario NAME           label in reports (default: the kind)",
                "  --target ours|nchan       server under test (default ours)",
                "  --publish-url URL         where events are POSTed",
                "  --route-url URL           our route-throughput trigger (kind route)",
                "  --server-pid PID[,PID]    processes to sample for CPU and RSS",
                "  --subscribers N           SSE subscriptions (default 1000)",
                "  --rate R                  events/s, 0 = as fast as possible (default 0)",
                "  --duration S              measured window in seconds (default 10)",
                "  --warmup S                publishing before the window (default 3)",
                "  --payload-size B          event body bytes (default 100)",
                "  --lanes K                 publish connections in flight (default 8)",
                "  --connect-concurrency N   connection attempts in flight (default 500)",
                "  --storm-subscribers N     reconnect attempts at once (default: all subscribers)",
                "  --storm-behind N          events they miss while away (default 1000)",
                "  --storm-warmup-rounds N   unmeasured storms before the measured one (default 0)",
                "  --route-count N           exchanges for kind route (default 100000)",
                "  --drain S                 longest catch-up wait after publishing (default 20)",
                "  --clk-tck N               clock ticks per second in /proc (default 100)",
                "  --server-cpu N            CPU the server is pinned to (reports contention on it)",
                "  --loadgen-cpu N           CPU this load generator is pinned to",
                "  --transport sse|ws|poll   how subscribers receive events (default sse)",
                "  --publish-mode closed|open  closed: a lane waits for each answer; open: --rate whatever the answers",
                "  --events N                open loop: most events to publish (default rate x (warmup + duration + 20 s))",
                "  --profile NAME            label of the server configuration in reports",
                "  --server-transport NAME   label of the server's network transport in reports",
                "  --json FILE               also write the JSON report here");
    }

    private static final class Builder {
        private String kind = "fanout";
        private String scenario;
        private String target = "ours";
        private String subscribeUrl;
        private String publishUrl;
        private String routeUrl;
        private final List<Long> pids = new ArrayList<>();
        private int subscribers = 1000;
        private double rate;
        private double duration = 10;
        private double warmup = 3;
        private int payloadSize = 100;
        private int lanes = 8;
        private int connectConcurrency = 500;
        private int stormSubscribers = -1;
        private int stormBehind = 1000;
        private int stormWarmupRounds;
        private int routeCount = 100_000;
        private double drain = 20;
        private long clockTicks = 100;
        private int serverCpu = -1;
        private int loadgenCpu = -1;
        private Transport transport = Transport.SSE;
        private boolean openLoop;
        private long maxEvents;
        private String profile;
        private String serverTransport;
        private String json;

        void set(String name, String value) {
            switch (name) {
                case "--kind" -> kind = value.toLowerCase(Locale.ROOT);
                case "--scenario" -> scenario = value;
                case "--target" -> target = value.toLowerCase(Locale.ROOT);
                case "--subscribe-url" -> subscribeUrl = loopbackOnly(value);
                case "--publish-url" -> publishUrl = loopbackOnly(value);
                case "--route-url" -> routeUrl = loopbackOnly(value);
                case "--server-pid" -> {
                    for (String pid : value.split(",")) {
                        if (!pid.isBlank()) {
                            pids.add(Long.parseLong(pid.trim()));
                        }
                    }
                }
                case "--subscribers" -> subscribers = Integer.parseInt(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--duration" -> duration = Double.parseDouble(value);
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--payload-size" -> payloadSize = Integer.parseInt(value);
                case "--lanes" -> lanes = Integer.parseInt(value);
                case "--connect-concurrency" -> connectConcurrency = Integer.parseInt(value);
                case "--storm-subscribers" -> stormSubscribers = Integer.parseInt(value);
                case "--storm-behind" -> stormBehind = Integer.parseInt(value);
                case "--storm-warmup-rounds" -> stormWarmupRounds = Integer.parseInt(value);
                case "--route-count" -> routeCount = Integer.parseInt(value);
                case "--drain" -> drain = Double.parseDouble(value);
                case "--clk-tck" -> clockTicks = Long.parseLong(value);
                case "--server-cpu" -> serverCpu = Integer.parseInt(value);
                case "--loadgen-cpu" -> loadgenCpu = Integer.parseInt(value);
                case "--transport" -> transport = Transport.parse(value);
                case "--publish-mode" -> openLoop = switch (value.toLowerCase(Locale.ROOT)) {
                    case "open" -> true;
                    case "closed" -> false;
                    default -> throw new IllegalArgumentException("--publish-mode must be closed or open: " + value);
                };
                case "--events" -> maxEvents = Long.parseLong(value);
                case "--profile" -> profile = value;
                case "--server-transport" -> serverTransport = value;
                case "--json" -> json = value;
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
            }
        }

        BenchConfig build() {
            if (subscribeUrl == null) {
                throw new IllegalArgumentException("--subscribe-url is required\n" + usage());
            }
            int storm = stormSubscribers < 0 ? subscribers : stormSubscribers;
            return new BenchConfig(kind, scenario == null ? kind : scenario, target, subscribeUrl, publishUrl,
                    routeUrl, pids, subscribers, rate, duration, warmup, payloadSize, lanes,
                    connectConcurrency, storm, stormBehind, stormWarmupRounds, routeCount, drain, clockTicks, serverCpu, loadgenCpu,
                    transport, openLoop, maxEvents, profile, serverTransport, json);
        }

        /** The harness may only load this machine: refuse anything but loopback hosts. */
        private static String loopbackOnly(String url) {
            String host = java.net.URI.create(url).getHost();
            if (host == null || !(host.startsWith("127.") || host.equals("localhost") || host.equals("[::1]"))) {
                throw new IllegalArgumentException("only loopback URLs are allowed: " + url);
            }
            return url;
        }
    }
}
