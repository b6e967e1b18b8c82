package io.camelprogress.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final EventEnvelope envelope = new EventEnvelope();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsIdAndEmbeddedJsonData() {
        byte[] b = bytes("xx{\"id\":\"k3-41\",\"event\":\"progress\",\"stream\":\"a/b\",\"data\":{\"l\":2,\"s\":\"}\\\"]\"}}yy");

        assertTrue(envelope.read(b, 2, b.length - 2));
        assertFalse(envelope.isReset());
        assertEquals("k3-41", envelope.id());
        assertEquals("{\"l\":2,\"s\":\"}\\\"]\"}",
                new String(b, envelope.dataStart(), envelope.dataLength(), StandardCharsets.UTF_8));
    }

    @Test
    void recognisesResetAndItsReason() {
        byte[] b = bytes("{ \"event\" : \"reset\", \"data\" : {\"streams\":[\"bench\"],\"reason\":\"lagged\"} }");

        assertTrue(envelope.read(b, 0, b.length));
        assertTrue(envelope.isReset());
        assertEquals("lagged", EventEnvelope.resetReason(b, envelope.dataStart(), envelope.dataStart() + envelope.dataLength()));
    }

    @Test
    void refusesTruncatedOrDatalessObjects() {
        byte[] cut = bytes("{\"id\":\"1\",\"data\":{\"l\":1");
        byte[] noData = bytes("{\"id\":\"1\"}");

        assertFalse(envelope.read(cut, 0, cut.length));
        assertFalse(envelope.read(noData, 0, noData.length));
    }
}
