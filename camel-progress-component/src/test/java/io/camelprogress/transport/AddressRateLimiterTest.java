package io.camelprogress.transport;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-address token buckets on a clock the test moves, and the bound on how many addresses they remember. */
class AddressRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void anAddressGetsItsBurstThenOneTokenPerPeriod() {
        AddressRateLimiter limiter = new AddressRateLimiter(2, 100, now::get);
        for (int i = 0; i < 4; i++) {
            assertEquals(0, limiter.tryAcquire("10.0.0.1"), "burst of twice the rate, take " + i);
        }
        long wait = limiter.tryAcquire("10.0.0.1");
        assertEquals(500_000_000L, wait, "one token every 500 ms at 2/s");
        assertEquals(0, limiter.tryAcquire("10.0.0.2"), "another address has its own bucket");
        now.addAndGet(499_000_000L);
        assertTrue(limiter.tryAcquire("10.0.0.1") > 0, "not yet");
        now.addAndGet(1_000_000L);
        assertEquals(0, limiter.tryAcquire("10.0.0.1"), "a token after 500 ms");
        assertTrue(limiter.tryAcquire("10.0.0.1") > 0);
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 4; i++) {
            assertEquals(0, limiter.tryAcquire("10.0.0.1"), "refilled to the burst, not beyond, take " + i);
        }
        assertTrue(limiter.tryAcquire("10.0.0.1") > 0, "no more than the burst after a long pause");
    }

    @Test
    void memoryIsBoundedWhenAddressesAreSprayed() {
        int bound = 1_000;
        AddressRateLimiter limiter = new AddressRateLimiter(1, bound, now::get);
        while (limiter.tryAcquire("198.51.100.7") == 0) {
            // exhaust one address's burst
        }
        for (int i = 0; i < 100_000; i++) {
            limiter.tryAcquire("10." + (i >> 16) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF));
            assertTrue(limiter.trackedAddresses() <= bound, "at most " + bound + " addresses tracked");
        }
        assertEquals(bound, limiter.trackedAddresses());
        assertEquals(0, limiter.tryAcquire("198.51.100.7"), "the address seen longest ago was forgotten, and starts full");
    }

    @Test
    void theAddressesSeenLastAreKept() {
        AddressRateLimiter limiter = new AddressRateLimiter(1, 3, now::get);
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");
        assertTrue(limiter.tryAcquire("a") > 0, "a exhausted");
        limiter.tryAcquire("b");
        limiter.tryAcquire("c");
        assertTrue(limiter.tryAcquire("a") > 0, "a seen again: now the most recent");
        limiter.tryAcquire("d");
        assertTrue(limiter.tryAcquire("a") > 0, "b, the eldest, went instead of a");
        assertEquals(3, limiter.trackedAddresses());
    }

    @Test
    void ipv6AddressesOfOne64BlockShareABucket() {
        AddressRateLimiter limiter = new AddressRateLimiter(1, 100, now::get);
        assertEquals(0, limiter.tryAcquire("2001:db8:1:2::1"));
        assertEquals(0, limiter.tryAcquire("2001:db8:1:2:ffff:0:0:9"));
        assertTrue(limiter.tryAcquire("2001:0db8:0001:0002:abcd::7") > 0, "a third address of the same /64: over the burst of 2");
        assertEquals(0, limiter.tryAcquire("2001:db8:1:3::1"), "the next /64 is another client");
        assertEquals(0, limiter.tryAcquire("10.0.0.1"), "IPv4 addresses count one by one");
        assertEquals("2001:db8:1:2::/64", AddressRateLimiter.keyOf("2001:db8:1:2::1"));
        assertEquals("10.1.2.3", AddressRateLimiter.keyOf("::ffff:10.1.2.3"), "an IPv4-mapped address is its IPv4 address");
        assertEquals("10.1.2.4", AddressRateLimiter.keyOf("::ffff:a01:204"));
    }

    @Test
    void zeroIsNoBound() {
        AddressRateLimiter limiter = new AddressRateLimiter(0, 10, now::get);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, limiter.tryAcquire("10.0.0.1"));
        }
        assertEquals(0, limiter.trackedAddresses(), "nothing kept without a bound");
    }
}
