package io.camelprogress.transport;

import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Connection-level DEBUG lines with the connection's key and streams in the MDC
 * ({@code progress.connection}, {@code progress.stream}), so that a log pattern or a JSON layout
 * can show, filter and correlate them. Nothing of a request's credentials is put there.
 */
final class ConnectionLog {

    static final String CONNECTION = "progress.connection";
    static final String STREAM = "progress.stream";

    private ConnectionLog() {
    }

    static void debug(Logger log, String key, Object streams, String message, Object... args) {
        if (!log.isDebugEnabled()) {
            return;
        }
        try (MDC.MDCCloseable connection = MDC.putCloseable(CONNECTION, key);
             MDC.MDCCloseable stream = MDC.putCloseable(STREAM, String.valueOf(streams))) {
            log.debug(message, args);
        }
    }
}
