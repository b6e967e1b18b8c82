package io.camelprogress.testing;

import java.util.ServiceLoader;

import io.camelprogress.component.ProgressComponent;

/**
 * The HTTP host that {@link ProgressServer} serves its streams on, so that the black-box transport
 * tests run unchanged against another host: a module whose test classpath names an implementation
 * in {@code META-INF/services/io.camelprogress.testing.HostUnderTest} (the Spring Boot starter's
 * servlet host), or whose run sets system property {@value #PROPERTY} to one's class name, runs
 * them against it; without either they run against the component's own Vert.x server.
 */
public interface HostUnderTest extends AutoCloseable {

    /** The system property that names the host's class, before the service file. */
    String PROPERTY = "progress.test.host";

    /** Points the component at this host; called after the test's own configuration, before the context starts. */
    void configure(ProgressComponent component) throws Exception;

    /** The loopback port the streams are served on, once the context has started. */
    int port(ProgressComponent component);

    /**
     * Whether the host refuses a query with a malformed %-escape with its own {@code 400} before
     * the component sees the request (Undertow decodes the query as it parses the request line).
     */
    default boolean refusesMalformedQueriesItself() {
        return false;
    }

    @Override
    void close() throws Exception;

    /** A new host of the kind the run or the classpath names, else the component's own server. */
    static HostUnderTest load() {
        String named = System.getProperty(PROPERTY);
        if (named != null && !named.isBlank()) {
            try {
                return (HostUnderTest) Class.forName(named.trim()).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException(PROPERTY + "=" + named + " is no HostUnderTest with a public no-argument constructor", e);
            }
        }
        return ServiceLoader.load(HostUnderTest.class).findFirst().orElseGet(OwnServer::new);
    }

    /** The component's own Vert.x server at a free loopback port, as {@link TestComponents} sets it. */
    final class OwnServer implements HostUnderTest {

        @Override
        public void configure(ProgressComponent component) {
            // TestComponents has set host 127.0.0.1 and port 0
        }

        @Override
        public int port(ProgressComponent component) {
            return component.httpHost().port();
        }

        @Override
        public void close() {
            // the server stops with the context
        }
    }
}
