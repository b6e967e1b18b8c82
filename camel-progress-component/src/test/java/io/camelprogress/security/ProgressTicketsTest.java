package io.camelprogress.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tickets issued and checked: form, signature, expiry and scope. */
class ProgressTicketsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final ProgressTickets tickets = new ProgressTickets(SECRET, Duration.ofHours(1), now::get);

    @Test
    void aTicketCoversItsStreamAndNothingElse() {
        TicketCheck check = tickets.check(tickets.issue("uploads/a"));
        assertTrue(check.valid(), check.reason());
        TicketScope scope = check.ticket().scope();
        assertTrue(scope.coversStream("uploads/a"));
        assertFalse(scope.coversStream("uploads/b"));
        assertFalse(scope.coversStream("uploads/a/b"));
        assertFalse(scope.coversChannel("uploads"));
        assertEquals(1_800_000_000L + 3600, check.ticket().expiresAtSeconds());
    }

    @Test
    void aChannelPatternCoversEveryStreamOfTheChannel() {
        TicketScope scope = tickets.check(tickets.issue("uploads/*")).ticket().scope();
        assertTrue(scope.coversStream("uploads/a"));
        assertTrue(scope.coversStream("uploads/b/c"));
        assertTrue(scope.coversChannel("uploads"));
        assertFalse(scope.coversStream("other/a"));
        assertFalse(scope.coversChannel("other"));
        assertTrue(scope.covers(List.of("uploads/x"), List.of("uploads")));
        assertFalse(scope.covers(List.of("uploads/x", "bars/y"), List.of()));
    }

    @Test
    void expiresAtItsTime() {
        String ticket = tickets.issue("uploads/a", Duration.ofSeconds(10));
        now.addAndGet(9_000);
        assertTrue(tickets.check(ticket).valid());
        now.addAndGet(1_000);
        assertEquals("ticket expired", tickets.check(ticket).reason());
    }

    @Test
    void aTamperedTicketIsRefused() {
        String ticket = tickets.issue("uploads/a");
        int last = ticket.lastIndexOf('.');
        char c = ticket.charAt(last + 3);
        String flipped = ticket.substring(0, last + 3) + (c == 'A' ? 'B' : 'A') + ticket.substring(last + 4);
        assertEquals("ticket signature does not match", tickets.check(flipped).reason());

        // the payload of a wider ticket with the signature of a narrow one
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("9999999999:uploads/*").getBytes(StandardCharsets.UTF_8));
        String widened = "v1." + payload + ticket.substring(last);
        assertEquals("ticket signature does not match", tickets.check(widened).reason());

        ProgressTickets otherServer = new ProgressTickets("another secret of thirty-two bytes!", Duration.ofHours(1), now::get);
        assertEquals("ticket signature does not match", tickets.check(otherServer.issue("uploads/a")).reason());
    }

    @Test
    void malformedTextIsRefusedWithoutWork() {
        for (String text : new String[] { "", "x", "v1.", "v1..", "v2.abc.def", "v1.!!!.???", "v1.abc", "v1.a.b.c",
                "v1." + "A".repeat(5000) + ".x", "v1.\u00e9\u00e9.\u2028" }) {
            TicketCheck check = tickets.check(text);
            assertFalse(check.valid(), text);
            assertNull(check.ticket());
            assertTrue(check.reason().equals("malformed ticket") || check.reason().equals("ticket signature does not match"),
                    check.reason());
            assertFalse(check.reason().contains(text.isEmpty() ? "\u0000" : text), "the reason does not quote the ticket");
        }
        assertFalse(tickets.check(null).valid());
    }

    @Test
    void refusesShortSecretsAndBadScopes() {
        IllegalArgumentException shortSecret = assertThrows(IllegalArgumentException.class,
                () -> new ProgressTickets("too short", Duration.ofHours(1), now::get));
        assertEquals("ticketSecret must be at least 32 bytes; it has 9", shortSecret.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tickets.issue("uploads/a/*"));
        assertThrows(IllegalArgumentException.class, () -> tickets.issue("../etc"));
        assertThrows(IllegalArgumentException.class, () -> tickets.issue("uploads/a", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> tickets.issue(List.of(), Duration.ofHours(1)));
    }

    @Test
    void ticketsAreUrlSafeAndTheIssuerDoesNotShowItsSecret() {
        String ticket = tickets.issue(List.of("uploads/a", "bars/*"), Duration.ofMinutes(5));
        assertTrue(ticket.matches("v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), ticket);
        assertEquals(List.of("uploads/a", "bars/*"), tickets.check(ticket).ticket().scope().entries());
        assertFalse(tickets.toString().contains(SECRET));
    }
}
