package io.camelprogress.transport;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts streaming connections, in total and per client address, against their bounds; a per-address bound of 0 is none. */
final class ConnectionLimiter {

    private final int max;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();

    ConnectionLimiter(int max, int maxPerAddress) {
        this.max = max;
        this.maxPerAddress = maxPerAddress;
    }

    /**
     * Takes a place for a connection.
     *
     * @return {@code null} when taken, else the name of the bound that is full
     */
    String tryAcquire(String address) {
        if (total.incrementAndGet() > max) {
            total.decrementAndGet();
            return "maxConnections=" + max;
        }
        if (maxPerAddress == 0) {
            return null;
        }
        boolean[] taken = new boolean[1];
        perAddress.compute(address, (a, count) -> {
            int n = count == null ? 0 : count;
            taken[0] = n < maxPerAddress;
            return taken[0] ? n + 1 : count;
        });
        if (!taken[0]) {
            total.decrementAndGet();
            return "maxConnectionsPerAddress=" + maxPerAddress;
        }
        return null;
    }

    void release(String address) {
        total.decrementAndGet();
        if (maxPerAddress == 0) {
            return;
        }
        perAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }
}
