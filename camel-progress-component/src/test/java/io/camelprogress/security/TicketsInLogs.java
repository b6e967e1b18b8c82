package io.camelprogress.security;

import java.util.regex.Pattern;

import io.camelprogress.testing.CapturedLogs;
import org.apache.logging.log4j.Level;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security suite's log check: every logger that could see a request (ours at TRACE, Camel,
 * Vert.x and Netty at DEBUG) is captured for a whole test class, and no line may hold a ticket.
 */
final class TicketsInLogs {

    /** Any ticket of this format, whoever issued it, whole or as a query value. */
    private static final Pattern TICKET = Pattern.compile("v1\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}|ticket=v1");

    private TicketsInLogs() {
    }

    static CapturedLogs capture() {
        return CapturedLogs.capture().atLevel("org.apache.camel", Level.DEBUG).atLevel("io.vertx", Level.DEBUG)
                .atLevel("io.netty", Level.DEBUG);
    }

    /**
     * Asserts that no captured line has a ticket, and that the capture saw the refusals it should
     * have (so that an empty capture cannot pass).
     */
    static void assertNoTicket(CapturedLogs logs, String expectedLine, String... secrets) {
        assertTrue(logs.lines().stream().anyMatch(line -> line.contains(expectedLine)),
                "the capture saw '" + expectedLine + "' (" + logs.lines().size() + " lines)");
        logs.assertNone(line -> TICKET.matcher(line.formatted()).find(), "a ticket in a log line");
        if (secrets.length > 0) {
            logs.assertNoLineContains(secrets);
        }
    }
}
