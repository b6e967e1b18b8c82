package io.camelprogress.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A static {@link CapturedLogs} captures the whole class, its {@code @BeforeAll} included, and ends after it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapturedLogsExtensionTest {

    @RegisterExtension
    static final CapturedLogs LOGS = CapturedLogs.capture();

    private static final Logger LOG = LoggerFactory.getLogger("io.camelprogress.testing.Extension");

    @BeforeAll
    static void logBeforeTheTests() {
        LOG.debug("before all");
    }

    @Test
    @Order(1)
    void seesWhatWasLoggedBeforeTheTests() {
        LOG.debug("first test");
        assertEquals(2, LOGS.events().size(), LOGS.lines().toString());
    }

    @Test
    @Order(2)
    void keepsCapturingAcrossTests() {
        assertEquals("first test", LOGS.events().get(1).message());
        assertThrows(IllegalStateException.class, () -> CapturedLogs.capture().start());
    }

    @AfterAll
    static void stillCapturesInAfterAll() {
        LOG.debug("after all");
        assertEquals(3, LOGS.events().size());
    }
}
