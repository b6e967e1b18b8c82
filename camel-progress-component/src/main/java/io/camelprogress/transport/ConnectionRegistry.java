package io.camelprogress.transport;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.camelprogress.event.EventDraft;

/** The open streaming connections by key, so that a route can answer one of them. */
public final class ConnectionRegistry {

    private final ConcurrentHashMap<String, DirectChannel> connections = new ConcurrentHashMap<>();
    private final String prefix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + '-';
    private final AtomicLong counter = new AtomicLong();

    /**
     * A key for a new connection. Keys stay on the server (routes see them, clients do not), so a
     * counter is enough; the random prefix keeps them apart across restarts in logs.
     */
    String newKey() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }

    void add(String key, DirectChannel channel) {
        connections.put(key, channel);
    }

    void remove(String key) {
        connections.remove(key);
    }

    /**
     * Sends an event to one connection.
     *
     * @throws IllegalArgumentException when no connection has that key (it closed, or never was)
     */
    public void send(String key, EventDraft draft) {
        DirectChannel channel = connections.get(key);
        if (channel == null) {
            throw new IllegalArgumentException("No open connection has key '" + key + "'; it may have closed");
        }
        channel.sendDirect(draft);
    }

    /** Connections open now. */
    public int size() {
        return connections.size();
    }
}
