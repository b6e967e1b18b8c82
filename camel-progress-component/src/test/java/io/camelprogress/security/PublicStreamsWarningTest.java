package io.camelprogress.security;

import java.util.List;

import io.camelprogress.testing.CapturedLogs;
import io.camelprogress.testing.ProgressServer;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public streams are said once, as a warning, at start; private ones are not warned about, and the start line says which. */
@Timeout(30)
class PublicStreamsWarningTest {

    @RegisterExtension
    final CapturedLogs logs = CapturedLogs.capture();

    private List<String> warnings() {
        return logs.events().stream().filter(l -> l.level() == Level.WARN && l.message().startsWith("Progress streams are public"))
                .map(CapturedLogs.Line::message).toList();
    }

    private String startLine() {
        return logs.events().stream().map(CapturedLogs.Line::message).filter(m -> m.startsWith("Serving progress streams at"))
                .findFirst().orElseThrow();
    }

    @Test
    void withNeitherTicketsNorAnAuthorizerOneWarning() throws Exception {
        try (ProgressServer server = new ProgressServer()) {
            assertEquals(1, warnings().size(), logs.lines().toString());
            assertTrue(startLine().contains("streams public"), startLine());
        }
    }

    @Test
    void withTicketsNoWarning() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setTicketSecret("a secret for the warning test, 32 bytes+"))) {
            assertEquals(List.of(), warnings());
            assertTrue(startLine().contains("streams private (tickets)"), startLine());
        }
    }

    @Test
    void withAnAuthorizerNoWarning() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setAuthorizer(request -> AccessDecision.allow()))) {
            assertEquals(List.of(), warnings());
            assertTrue(startLine().contains("streams private (authorizer)"), startLine());
        }
    }
}
