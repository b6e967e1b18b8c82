package io.camelprogress.management;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.camelprogress.hub.Hub;
import io.camelprogress.transport.TransportMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.support.CamelContextHelper;

/**
 * The component's meters, named {@code camel.progress.*} (Prometheus: {@code camel_progress_*}).
 * Counters and gauges read the component's own counters when scraped, so they add nothing to the hot
 * path; only the publish-to-write timer is fed as batches are written. Tags are bounded sets
 * (transport, reset reason, refusal reason); stream and channel names never become tags.
 * <p>
 * Only loaded when Micrometer is on the class path.
 */
public final class ProgressMeters {

    private final List<Meter> meters = new ArrayList<>();
    private MeterRegistry registry;
    private TransportMetrics transport;

    /**
     * Binds the meters to the application's registry: the bean {@code metricsRegistry} (as
     * camel-micrometer names it), else the only {@link MeterRegistry} in the registry.
     *
     * @return the bound meters, or null when there is no registry
     */
    public static ProgressMeters bindToRegistryOf(CamelContext context, ProgressView view) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (registry == null) {
            registry = CamelContextHelper.findSingleByType(context, MeterRegistry.class);
        }
        if (registry == null) {
            return null;
        }
        ProgressMeters meters = new ProgressMeters();
        meters.bind(registry, view);
        return meters;
    }

    /** Registers the meters of one component with the registry, tagged with its name. */
    public void bind(MeterRegistry registry, ProgressView view) {
        this.registry = registry;
        this.transport = view.transport();
        Tags base = Tags.of("component", view.name());
        Hub hub = view.hub();
        TransportMetrics counts = view.transport();
        for (String t : TransportMetrics.TRANSPORTS) {
            Tags tags = base.and("transport", t);
            gauge("camel.progress.connections", "Connections open now (a long-poll while it is held)", tags, counts, m -> m.open(t));
            counter("camel.progress.connections.opened", "Connections opened", tags, counts, m -> m.openedTotal(t));
            counter("camel.progress.events.delivered", "Events written to subscribers' sockets", tags, counts, m -> m.delivered(t));
        }
        for (String t : List.of("websocket", "http")) {
            counter("camel.progress.upstream.messages", "Messages from browsers handed to routes", base.and("transport", t), counts,
                    m -> m.upstreamMessages(t));
        }
        for (String reason : TransportMetrics.RESET_REASONS) {
            counter("camel.progress.resets", "Resets sent: events a subscriber could not be given, by reason", base.and("reason", reason),
                    counts, m -> m.resets(reason));
        }
        for (String reason : TransportMetrics.REFUSAL_REASONS) {
            counter("camel.progress.refused", "Requests refused, by limit or by the authorize step", base.and("reason", reason), counts,
                    m -> m.refused().getOrDefault(reason, 0L));
        }
        counter("camel.progress.slow.disconnects", "Backed-up subscribers closed to resume by replay", base, counts,
                TransportMetrics::slowDisconnects);
        gauge("camel.progress.subscriptions", "Subscriptions now", base, hub, Hub::subscriptionCount);
        gauge("camel.progress.subscribers.lagging", "Subscribers reading behind the live end now", base, hub, Hub::laggingSubscribers);
        gauge("camel.progress.streams", "Streams held now", base, hub, Hub::streamCount);
        gauge("camel.progress.retained.events", "Events retained for replay now", base, hub, h -> h.retained().events());
        gauge("camel.progress.retained.bytes", "Bytes retained for replay now", base, hub, h -> h.retained().bytes());
        counter("camel.progress.events.published", "Events appended to the logs", base, hub, Hub::publishedEvents);
        counter("camel.progress.replays", "Subscribes that began by replaying", base, hub, Hub::replays);
        counter("camel.progress.replayed.events", "Events read from the logs for subscribers replaying or catching up", base, hub,
                Hub::replayedEvents);
        gauge("camel.progress.backplane.ready", "1 when the backplane has rebuilt and can publish", base, view,
                v -> v.backplane().status().ready() ? 1 : 0);
        gauge("camel.progress.backplane.connected", "1 when the backplane reaches its broker", base, view,
                v -> v.backplane().status().connected() ? 1 : 0);
        gauge("camel.progress.backplane.lag", "Events in the shared log this node has yet to read (-1 unknown)", base, view,
                v -> v.backplane().status().lag());
        counter("camel.progress.backplane.publish.failures", "Publishes the backplane could not store", base, view,
                v -> v.backplane().status().publishFailures());
        Timer latency = Timer.builder("camel.progress.delivery.latency")
                .description("From an event's publish to its write to a subscriber's socket (once per batch written)")
                .tags(base).publishPercentileHistogram().register(registry);
        meters.add(latency);
        counts.latencyRecorder(millis -> latency.record(millis, TimeUnit.MILLISECONDS));
    }

    private <T> void gauge(String name, String description, Tags tags, T source, ToDoubleFunction<T> value) {
        meters.add(Gauge.builder(name, source, value).strongReference(true).description(description).tags(tags).register(registry));
    }

    private <T> void counter(String name, String description, Tags tags, T source, ToDoubleFunction<T> value) {
        meters.add(FunctionCounter.builder(name, source, value).description(description).tags(tags).register(registry));
    }

    /** Removes the meters again, when the component stops. */
    public void unbind() {
        if (transport != null) {
            transport.latencyRecorder(null);
        }
        if (registry != null) {
            meters.forEach(registry::remove);
        }
        meters.clear();
    }
}
