package io.camelprogress.transport;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.1", "2001:db8::/32"));

    @Test
    void theNearestUntrustedHopIsTheClient() {
        assertEquals("203.0.113.9", proxies.clientAddress("10.1.2.3", null, "198.51.100.1, 203.0.113.9, 10.9.9.9"));
        assertEquals("203.0.113.9", proxies.clientAddress("192.0.2.1", "for=198.51.100.1, for=\"203.0.113.9:4711\";proto=https", null));
        assertEquals("2001:db9::1", proxies.clientAddress("2001:db8::5", "for=\"[2001:db9::1]:80\"", null));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertEquals("198.51.100.7", proxies.clientAddress("198.51.100.7", null, "10.0.0.1"));
        assertEquals("11.0.0.1", proxies.clientAddress("11.0.0.1", "for=203.0.113.9", null));
    }

    @Test
    void aChainOfTrustedProxiesEndsAtItsFirstHop() {
        assertEquals("10.0.0.2", proxies.clientAddress("10.0.0.1", null, "10.0.0.2"));
        assertEquals("10.0.0.1", proxies.clientAddress("10.0.0.1", null, null));
    }

    @Test
    void anObfuscatedOrMalformedHopStopsTheWalk() {
        assertEquals("10.0.0.3", proxies.clientAddress("10.0.0.1", "for=unknown, for=10.0.0.3", null));
        assertEquals("10.0.0.1", proxies.clientAddress("10.0.0.1", null, "not-an-address"));
    }

    @Test
    void badEntriesSayWhichAndWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/33")));
        assertTrue(e.getMessage().contains("10.0.0.0/33"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.example.com")));
        assertTrue(new TrustedProxies(List.of()).isEmpty());
    }
}
