package io.camelprogress.management;

import java.util.concurrent.TimeUnit;

import io.camelprogress.event.EventDraft;
import io.camelprogress.event.StreamNames;
import io.camelprogress.transport.TransportMetrics;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The component over JMX (registered as a service of the CamelContext when camel-management is
 * present): the figures of the dev console as attributes, and what an operator does by hand to a
 * stream.
 */
@ManagedResource(description = "camel-progress: streams, subscribers and the backplane")
public final class ProgressManagement extends ServiceSupport {

    private static final long PUBLISH_TIMEOUT_SECONDS = 30;

    private final ProgressView view;

    public ProgressManagement(ProgressView view) {
        this.view = view;
    }

    @ManagedAttribute(description = "Where streams are served")
    public String getServingAt() {
        return view.where().get();
    }

    @ManagedAttribute(description = "Streams held")
    public int getStreamCount() {
        return view.hub().streamCount();
    }

    @ManagedAttribute(description = "Subscriptions (SSE, WebSocket and held long-polls)")
    public int getSubscriptionCount() {
        return view.hub().subscriptionCount();
    }

    @ManagedAttribute(description = "Subscribers reading behind the live end")
    public int getLaggingSubscribers() {
        return view.hub().laggingSubscribers();
    }

    @ManagedAttribute(description = "Events retained for replay")
    public long getRetainedEvents() {
        return view.hub().retained().events();
    }

    @ManagedAttribute(description = "Bytes retained for replay")
    public long getRetainedBytes() {
        return view.hub().retained().bytes();
    }

    @ManagedAttribute(description = "Events appended to the logs")
    public long getPublishedEvents() {
        return view.hub().publishedEvents();
    }

    @ManagedAttribute(description = "Events written to subscribers, all transports")
    public long getDeliveredEvents() {
        return TransportMetrics.TRANSPORTS.stream().mapToLong(view.transport()::delivered).sum();
    }

    @ManagedAttribute(description = "Connections open, all transports")
    public int getOpenConnections() {
        return TransportMetrics.TRANSPORTS.stream().mapToInt(view.transport()::open).sum();
    }

    @ManagedAttribute(description = "Resets sent, by reason")
    public String getResets() {
        StringBuilder sb = new StringBuilder();
        TransportMetrics.RESET_REASONS.forEach(r -> sb.append(sb.isEmpty() ? "" : ", ").append(r).append('=').append(view.transport().resets(r)));
        return sb.toString();
    }

    @ManagedAttribute(description = "Requests refused, by reason")
    public String getRefused() {
        return view.transport().refused().toString();
    }

    @ManagedAttribute(description = "Whether the backplane has rebuilt and can publish")
    public boolean isBackplaneReady() {
        return view.backplane().status().ready();
    }

    @ManagedAttribute(description = "Events in the shared log this node has yet to read (-1 unknown)")
    public long getBackplaneLag() {
        return view.backplane().status().lag();
    }

    @ManagedAttribute(description = "Publishes the backplane could not store")
    public long getBackplanePublishFailures() {
        return view.backplane().status().publishFailures();
    }

    @ManagedOperation(description = "Ends a stream with a done event (data {\"completedBy\":\"operator\"}); its browsers stop")
    public String completeStream(String stream) throws Exception {
        StreamNames.require(stream, "stream");
        var event = view.backplane().publish(new EventDraft(stream, "done", "{\"completedBy\":\"operator\"}", true, true))
                .toCompletableFuture().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return event == null ? "done published" : "done published as " + event.id();
    }

    @ManagedOperation(description = "Closes every connection reading a stream; they reconnect and resume")
    public int disconnectSubscribers(String stream) {
        return view.hub().disconnect(StreamNames.require(stream, "stream"));
    }

    @ManagedOperation(description = "Drops a completed stream nobody reads, before its completedStreamTtl")
    public boolean dropCompletedStream(String stream) {
        return view.hub().dropCompleted(StreamNames.require(stream, "stream"));
    }
}
