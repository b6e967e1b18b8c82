package io.camelprogress.management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.camelprogress.backplane.BackplaneStatus;
import io.camelprogress.hub.Hub;
import io.camelprogress.hub.Subscription;
import io.camelprogress.transport.TransportMetrics;

/**
 * What the dev console and JMX show of a component, as plain maps and lists (JSON as it is, text
 * line by line): where it serves, the streams with their subscribers per transport, who lags, what
 * is retained, the backplane's position and lag, and the limits in force.
 */
public final class ProgressReport {

    private ProgressReport() {
    }

    /** The report; at most {@code maxStreams} streams are listed, the totals count them all. */
    public static Map<String, Object> of(ProgressView view, int maxStreams) {
        Hub hub = view.hub();
        Map<String, Map<String, Integer>> subscribers = new TreeMap<>();
        int lagging = 0;
        for (Subscription sub : hub.subscriptions()) {
            if (sub.lagging()) {
                lagging++;
            }
            List<String> names = new ArrayList<>(sub.selection().streams());
            sub.selection().channels().forEach(c -> names.add(c + "/*"));
            for (String name : names) {
                subscribers.computeIfAbsent(name, n -> new TreeMap<>()).merge(sub.transport(), 1, Integer::sum);
            }
        }
        List<Map<String, Object>> streams = new ArrayList<>();
        for (Hub.StreamSummary stream : hub.streamSummaries(maxStreams)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", stream.name());
            entry.put("retainedEvents", stream.retainedEvents());
            entry.put("retainedBytes", stream.retainedBytes());
            entry.put("completed", stream.completed());
            entry.put("subscribers", subscribers.getOrDefault(stream.name(), Map.of()));
            streams.add(entry);
        }
        List<Map<String, Object>> wildcards = new ArrayList<>();
        subscribers.forEach((name, byTransport) -> {
            if (name.endsWith("/*")) {
                wildcards.add(Map.of("channel", name, "subscribers", byTransport));
            }
        });
        Map<String, Object> connections = new LinkedHashMap<>();
        Map<String, Object> delivered = new LinkedHashMap<>();
        for (String transport : TransportMetrics.TRANSPORTS) {
            connections.put(transport, view.transport().open(transport));
            delivered.put(transport, view.transport().delivered(transport));
        }
        Map<String, Object> resets = new LinkedHashMap<>();
        TransportMetrics.RESET_REASONS.forEach(reason -> resets.put(reason, view.transport().resets(reason)));
        BackplaneStatus backplane = view.backplane().status();
        Map<String, Object> backplaneReport = new LinkedHashMap<>();
        backplaneReport.put("type", view.settings().get("backplane"));
        backplaneReport.put("ready", backplane.ready());
        backplaneReport.put("connected", backplane.connected());
        backplaneReport.put("position", backplane.position());
        backplaneReport.put("lag", backplane.lag());
        backplaneReport.put("publishFailures", backplane.publishFailures());
        if (backplane.reason() != null) {
            backplaneReport.put("reason", backplane.reason());
        }
        Hub.Retained retained = hub.retained();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("component", view.name());
        report.put("serving", view.serving().getAsBoolean());
        report.put("where", view.where().get());
        report.put("streamCount", hub.streamCount());
        report.put("subscriptionCount", hub.subscriptionCount());
        report.put("laggingSubscribers", lagging);
        report.put("retainedEvents", retained.events());
        report.put("retainedBytes", retained.bytes());
        report.put("publishedEvents", hub.publishedEvents());
        report.put("connections", connections);
        report.put("delivered", delivered);
        report.put("resets", resets);
        report.put("refused", view.transport().refused());
        report.put("backplane", backplaneReport);
        report.put("limits", view.settings());
        report.put("streams", streams);
        report.put("channelSubscriptions", wildcards);
        return report;
    }

    /** The report as text, one fact a line. */
    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Progress component ").append(report.get("component")).append(": ")
                .append(Boolean.TRUE.equals(report.get("serving")) ? "serving at " + report.get("where") : "not serving yet").append('\n');
        sb.append("  streams: ").append(report.get("streamCount")).append(", subscriptions: ").append(report.get("subscriptionCount"))
                .append(", lagging: ").append(report.get("laggingSubscribers")).append('\n');
        sb.append("  retained: ").append(report.get("retainedEvents")).append(" events, ").append(report.get("retainedBytes"))
                .append(" bytes; published: ").append(report.get("publishedEvents")).append('\n');
        sb.append("  connections: ").append(report.get("connections")).append("; delivered: ").append(report.get("delivered")).append('\n');
        sb.append("  resets: ").append(report.get("resets")).append("; refused: ").append(report.get("refused")).append('\n');
        sb.append("  backplane: ").append(report.get("backplane")).append('\n');
        sb.append("  limits: ").append(report.get("limits")).append('\n');
        for (Map<String, Object> stream : (List<Map<String, Object>>) report.get("streams")) {
            sb.append("  stream ").append(stream.get("name")).append(": ").append(stream.get("retainedEvents")).append(" events, ")
                    .append(stream.get("retainedBytes")).append(" bytes").append(Boolean.TRUE.equals(stream.get("completed")) ? ", completed" : "")
                    .append(", subscribers ").append(stream.get("subscribers")).append('\n');
        }
        for (Map<String, Object> channel : (List<Map<String, Object>>) report.get("channelSubscriptions")) {
            sb.append("  channel ").append(channel.get("channel")).append(": subscribers ").append(channel.get("subscribers")).append('\n');
        }
        return sb.toString();
    }
}
