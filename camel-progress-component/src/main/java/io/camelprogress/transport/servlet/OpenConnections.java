package io.camelprogress.transport.servlet;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The responses and WebSockets the servlet host holds open, so that stopping it closes them. */
final class OpenConnections {

    private static final Logger LOG = LoggerFactory.getLogger(OpenConnections.class);

    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

    void add(AutoCloseable connection) {
        open.add(connection);
    }

    void remove(AutoCloseable connection) {
        open.remove(connection);
    }

    int size() {
        return open.size();
    }

    /** Closes every connection still open, from the thread that stops the host. */
    void closeAll() {
        for (AutoCloseable connection : open) {
            try {
                connection.close();
            } catch (Exception e) {
                LOG.debug("Closing a connection at stop failed: {}", e.getMessage());
            }
        }
        open.clear();
    }
}
