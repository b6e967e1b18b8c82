package io.camelprogress.transport;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refusals are counted by the reasons the meters and the management view name, and by no other. */
class TransportMetricsTest {

    @Test
    void everyRefusalReasonIsCountedFromZero() {
        TransportMetrics metrics = new TransportMetrics();
        assertEquals(TransportMetrics.REFUSAL_REASONS.size(), metrics.refused().size());
        assertTrue(metrics.refused().values().stream().allMatch(n -> n == 0), metrics.refused().toString());
        metrics.refused("subscribeRatePerAddress");
        metrics.refused("subscribeRatePerAddress");
        metrics.refused("unauthorized");
        Map<String, Long> refused = metrics.refused();
        assertEquals(2L, refused.get("subscribeRatePerAddress"));
        assertEquals(1L, refused.get("unauthorized"));
        assertEquals(0L, refused.get("maxConnections"));
    }

    @Test
    void aReasonNobodyNamedFailsWhereItIsCounted() {
        TransportMetrics metrics = new TransportMetrics();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> metrics.refused("maxConnection"));
        assertTrue(e.getMessage().contains("maxConnections"), e.getMessage());
    }
}
