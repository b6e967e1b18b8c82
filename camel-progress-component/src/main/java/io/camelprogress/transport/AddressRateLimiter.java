package io.camelprogress.transport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.netty.util.NetUtil;

/**
 * Bounds how often each client address may do something: a token bucket per address that refills
 * at {@code perSecond} and holds twice that, for the burst of a page that opens several streams at
 * once. The buckets of at most {@code maxAddresses} addresses are kept, those seen last; an address
 * beyond them forgets its bucket and starts again full, so that a client spraying addresses costs
 * memory for no more than that many. IPv6 addresses count by their /64 prefix, the block one host
 * is usually given: else a single client would have 2^64 addresses to rotate through.
 */
final class AddressRateLimiter {

    private final double perSecond;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, TokenBucket> buckets;

    /**
     * @param perSecond    actions per second per address; 0 for no bound
     * @param maxAddresses how many addresses' buckets are kept at most
     * @param nanoClock    the time, as {@link System#nanoTime()}
     */
    AddressRateLimiter(int perSecond, int maxAddresses, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
        // access order: the eldest entry is the address seen longest ago
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /**
     * Takes a token of the address's bucket.
     *
     * @return 0 when the action may go ahead, else how many nanoseconds until it may
     */
    long tryAcquire(String address) {
        if (perSecond == 0) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        synchronized (buckets) {
            return buckets.computeIfAbsent(keyOf(address), a -> new TokenBucket(perSecond, 2 * perSecond, now)).take(now);
        }
    }

    /** The address, or for IPv6 its /64 prefix; an IPv4-mapped address ({@code ::ffff:a.b.c.d}) counts as its IPv4 address. */
    static String keyOf(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null || bytes.length != 16) {
            return address;
        }
        if (isIpv4Mapped(bytes)) {
            return (bytes[12] & 0xFF) + "." + (bytes[13] & 0xFF) + "." + (bytes[14] & 0xFF) + "." + (bytes[15] & 0xFF);
        }
        StringBuilder prefix = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString((bytes[i] & 0xFF) << 8 | bytes[i + 1] & 0xFF)).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    /** How many addresses' buckets are kept now. */
    int trackedAddresses() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}
