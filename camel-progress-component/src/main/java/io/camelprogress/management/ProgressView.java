package io.camelprogress.management;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.camelprogress.backplane.Backplane;
import io.camelprogress.hub.Hub;
import io.camelprogress.transport.TransportMetrics;

/**
 * What operators look at of one component: its streams, its connections and its backplane.
 *
 * @param name      the component's name, as in {@code progress}
 * @param hub       the streams and subscribers
 * @param transport the HTTP side's counters
 * @param backplane the backplane, for its status
 * @param serving   whether the HTTP host has bound and serves
 * @param where     where streams are served, as in {@code http://0.0.0.0:8085/progress}, once known
 * @param settings  the limits and modes in force, by option name
 */
public record ProgressView(String name, Hub hub, TransportMetrics transport, Backplane backplane, BooleanSupplier serving,
        Supplier<String> where, Map<String, Object> settings) {
}
