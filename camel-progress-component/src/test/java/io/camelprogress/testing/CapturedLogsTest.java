package io.camelprogress.testing;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapturedLogsTest {

    private static final Logger PROGRESS = LoggerFactory.getLogger("io.camelprogress.transport.Fake");
    private static final Logger OTHER = LoggerFactory.getLogger("org.example.Other");
    private static final Logger SILENCED = LoggerFactory.getLogger("org.apache.camel.processor.errorhandler.X");

    @Test
    void capturesEveryLoggerOnceAndTraceOfTheComponent() {
        try (CapturedLogs logs = CapturedLogs.capture().start()) {
            PROGRESS.trace("trace {}", 1);
            PROGRESS.info("info");
            OTHER.info("below the root's WARN");
            OTHER.warn("warned");
            SILENCED.error("off");
            assertEquals(3, logs.lines().size(), logs.lines().toString());
            assertEquals("TRACE io.camelprogress.transport.Fake [" + Thread.currentThread().getName() + "] trace 1",
                    logs.lines().get(0));
            assertTrue(logs.lines().get(2).endsWith("warned"));
        }
    }

    @Test
    void opensAnotherLoggerOnRequest() {
        try (CapturedLogs logs = CapturedLogs.capture().atLevel("org.apache.camel.processor.errorhandler", Level.ALL)
                .start()) {
            SILENCED.debug("now seen");
            assertEquals(1, logs.events().size());
        }
    }

    @Test
    void putsTheConfigurationBack() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        int appenders = context.getConfiguration().getAppenders().size();
        CapturedLogs logs = CapturedLogs.capture().start();
        assertTrue(PROGRESS.isTraceEnabled());
        logs.close();
        assertFalse(PROGRESS.isDebugEnabled());
        assertTrue(PROGRESS.isInfoEnabled());
        assertFalse(SILENCED.isErrorEnabled());
        assertEquals(appenders, context.getConfiguration().getAppenders().size());
        PROGRESS.info("after");
        assertTrue(logs.lines().isEmpty());
    }

    @Test
    void assertionsFailOnWhatTheyLookFor() {
        try (CapturedLogs logs = CapturedLogs.capture().start()) {
            PROGRESS.info("ticket=s3cret");
            PROGRESS.warn("warned", traceless("a warning's cause"));
            logs.assertNoErrorWithStackTrace();
            logs.assertNoLineContains("other");
            AssertionError leak = assertThrows(AssertionError.class, () -> logs.assertNoLineContains("s3cret"));
            assertFalse(leak.getMessage().contains("s3cret"), "the failure repeats no secret");
            PROGRESS.error("failed without frames", traceless("no frames"));
            logs.assertNoErrorWithStackTrace();
            PROGRESS.error("failed", new IllegalStateException("boom"));
            AssertionError trace = assertThrows(AssertionError.class, logs::assertNoErrorWithStackTrace);
            assertTrue(trace.getMessage().contains("java.lang.IllegalStateException: boom"), trace.getMessage());
            assertThrows(AssertionError.class, () -> logs.assertNoLineContains("a warning's cause"));
        }
    }

    @Test
    void aBoundedCaptureRefusesToAssertOnWhatItDropped() {
        try (CapturedLogs logs = CapturedLogs.capture().maxLines(2).start()) {
            PROGRESS.info("1");
            PROGRESS.info("2");
            PROGRESS.info("3");
            assertEquals(1, logs.dropped());
            assertThrows(AssertionError.class, () -> logs.assertNoLineContains("4"));
        }
    }

    /** An exception whose stack trace does not fill the build output. */
    private static IllegalStateException traceless(String message) {
        IllegalStateException exception = new IllegalStateException(message);
        exception.setStackTrace(new StackTraceElement[0]);
        return exception;
    }
}
