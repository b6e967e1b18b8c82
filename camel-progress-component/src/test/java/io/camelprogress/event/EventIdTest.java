package io.camelprogress.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIdTest {

    @Test
    void roundTrips() {
        EventId id = new EventId("k3f9", 41);
        assertEquals("k3f9-41", id.toString());
        assertEquals(id, EventId.parse("k3f9-41"));
        assertEquals(41, EventId.parse("k3f9-41").sequence());
        assertEquals("k3f9", EventId.parse("k3f9-41").epoch());
    }

    @Test
    void comparesBySequenceWithinAnEpoch() {
        assertTrue(new EventId("a", 2).compareTo(new EventId("a", 10)) < 0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-", "41", "-41", "k3f9-", "k3f9-4x", "K3F9-1", "k3f9 -1", "k3f9-1\n", "k3f9-99999999999999999999",
                             "a b-1", "é-1" })
    void malformedIdsParseAsNone(String text) {
        assertNull(EventId.parse(text));
    }

    @Test
    void rejectsBadParts() {
        assertThrows(IllegalArgumentException.class, () -> new EventId("", 1));
        assertThrows(IllegalArgumentException.class, () -> new EventId("a", -1));
        assertThrows(IllegalArgumentException.class, () -> new EventId("A", 1));
    }
}
