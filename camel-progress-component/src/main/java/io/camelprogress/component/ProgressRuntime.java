package io.camelprogress.component;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelprogress.backplane.Backplane;
import io.camelprogress.hub.Hub;
import io.camelprogress.hub.HubLimits;
import io.camelprogress.management.MeterSupport;
import io.camelprogress.management.ProgressHealthCheck;
import io.camelprogress.management.ProgressManagement;
import io.camelprogress.management.ProgressView;
import io.camelprogress.security.AccessGuard;
import io.camelprogress.security.ProgressTickets;
import io.camelprogress.transport.ConnectionRegistry;
import io.camelprogress.transport.HttpHost;
import io.camelprogress.transport.TransportMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ManagementStrategy;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a started {@code progress:} component runs: the hub, the backplane that feeds it, the sweeper
 * that applies the age and TTL bounds, and the HTTP host, which starts once the CamelContext has
 * fully started (the platform-http server binds its router as a service of its own, which may start
 * after our endpoints do). The component holds the options; this holds what they built.
 */
final class ProgressRuntime extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressRuntime.class);

    private final CamelContext camelContext;
    private final Hub hub;
    private final Backplane backplane;
    private final EventDraftFactory drafts;
    private final HttpHost httpHost;
    private final ConnectionRegistry connections;
    private final UpstreamRouter upstream;
    private final long sweepMillis;
    private final ProgressTickets tickets;
    private final AccessGuard guard;
    private final ProgressView view;
    private final ProgressHealthCheck health;
    private final ProgressManagement management;
    private Runnable unbindMeters;
    private Object managed;

    private ScheduledExecutorService sweeper;
    private ScheduledFuture<?> sweep;
    private boolean backplaneStarted;
    // volatile: health probes read it without waiting on a host that is starting under the lock
    private volatile boolean hostStarted;
    private boolean waitingForContext;

    /**
     * @param connections the open connections a route can answer by key
     * @param upstream    where messages from browsers go
     * @param httpHost    the HTTP host over {@code hub}, {@code connections} and {@code upstream}
     * @param tickets     the ticket issuer when streams are private by ticket, else null
     * @param guard       the authorize step the host applies
     * @param metrics     the HTTP side's counters
     * @param settings    the limits and modes in force, for operators
     */
    ProgressRuntime(String name, CamelContext camelContext, Hub hub, HubLimits limits, Backplane backplane, EventDraftFactory drafts,
                    ConnectionRegistry connections, UpstreamRouter upstream, HttpHost httpHost, ProgressTickets tickets,
                    AccessGuard guard, TransportMetrics metrics, Map<String, Object> settings) {
        this.camelContext = camelContext;
        this.hub = hub;
        this.backplane = backplane;
        this.drafts = drafts;
        this.connections = connections;
        this.upstream = upstream;
        this.httpHost = httpHost;
        this.tickets = tickets;
        this.guard = guard;
        this.view = new ProgressView(name, hub, metrics, backplane, () -> httpHost() != null, httpHost::where, settings);
        this.health = new ProgressHealthCheck(view);
        this.management = new ProgressManagement(view);
        // a quarter of the shortest bound, so that an event outlives its bound by at most a quarter of it
        this.sweepMillis = Math.max(100, Math.min(1000, Math.min(limits.completedTtlMillis(), limits.maxEventAgeMillis()) / 4));
    }

    @Override
    protected void doStart() throws Exception {
        if (guard.isOpen()) {
            LOG.warn("Progress streams are public: anyone who can reach the server and guess a stream name reads it."
                     + " Set ticketSecret or provide a ProgressAuthorizer to make them private.");
        }
        HealthCheckRegistry healthChecks = HealthCheckRegistry.get(camelContext);
        if (healthChecks != null) {
            healthChecks.register(health);
        }
        backplane.start(hub);
        backplaneStarted = true;
        sweeper = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "ProgressSweeper");
        sweep = sweeper.scheduleWithFixedDelay(hub::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts serving HTTP now if the CamelContext has started, else once it has; an endpoint or consumer asks. */
    synchronized void serveWhenReady() throws Exception {
        if (hostStarted || waitingForContext) {
            return;
        }
        if (camelContext.isStarted()) {
            startHost();
            return;
        }
        waitingForContext = true;
        camelContext.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) throws Exception {
                if (alreadyStarted) {
                    startHost();
                }
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
                startHost();
            }
        });
    }

    private synchronized void startHost() throws Exception {
        waitingForContext = false;
        if (!hostStarted && isRunAllowed()) {
            httpHost.start();
            hostStarted = true;
            unbindMeters = MeterSupport.bindIfPresent(camelContext, view);
            manageOverJmx();
            LOG.info("Serving progress streams at {} over SSE, WebSocket and long-poll; backplane {}; streams {}; limits {}{}",
                    httpHost.where(), view.settings().get("backplane"), view.settings().get("security"), view.settings().get("limits"),
                    unbindMeters == null ? "" : "; meters camel.progress.*");
        }
    }

    /**
     * Registers {@link ProgressManagement} with the context's JMX agent, when it has one, once the
     * context has started: services added while routes are still being built are not always registered.
     */
    private void manageOverJmx() throws Exception {
        ManagementStrategy strategy = camelContext.getManagementStrategy();
        if (strategy == null || strategy.getManagementObjectStrategy() == null || strategy.getManagementAgent() == null) {
            return;
        }
        Object mbean = strategy.getManagementObjectStrategy().getManagedObjectForService(camelContext, management);
        if (mbean != null && !strategy.isManaged(mbean)) {
            strategy.manageObject(mbean);
            managed = mbean;
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (managed != null) {
            camelContext.getManagementStrategy().unmanageObject(managed);
            managed = null;
        }
        if (unbindMeters != null) {
            unbindMeters.run();
            unbindMeters = null;
        }
        HealthCheckRegistry healthChecks = HealthCheckRegistry.get(camelContext);
        if (healthChecks != null) {
            healthChecks.unregister(health);
        }
        synchronized (this) {
            waitingForContext = false;
            if (hostStarted) {
                httpHost.stop();
                hostStarted = false;
            }
        }
        if (sweep != null) {
            sweep.cancel(false);
            camelContext.getExecutorServiceManager().shutdown(sweeper);
            sweep = null;
        }
        if (backplaneStarted) {
            backplaneStarted = false;
            backplane.stop();
        }
    }

    /** What operators look at of this runtime. */
    ProgressView view() {
        return view;
    }

    /** The ticket issuer, or null when streams are not private by ticket. */
    ProgressTickets tickets() {
        return tickets;
    }

    Hub hub() {
        return hub;
    }

    /** The component's scheduler (the sweeper's thread), for short tasks such as sending a held event. */
    ScheduledExecutorService scheduler() {
        return sweeper;
    }

    Backplane backplane() {
        return backplane;
    }

    EventDraftFactory drafts() {
        return drafts;
    }

    ConnectionRegistry connections() {
        return connections;
    }

    UpstreamRouter upstream() {
        return upstream;
    }

    /** The HTTP host, once it has started serving; else null. */
    HttpHost httpHost() {
        return hostStarted ? httpHost : null;
    }
}
