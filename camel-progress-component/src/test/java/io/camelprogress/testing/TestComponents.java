package io.camelprogress.testing;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;

import io.camelprogress.component.ProgressComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The progress component as tests register it: serving at a free loopback port, on its own server
 * or on the {@link HostUnderTest} the classpath names, which stops with the context.
 */
public final class TestComponents {

    private static final Map<ProgressComponent, HostUnderTest> HOSTS = Collections.synchronizedMap(new WeakHashMap<>());

    private TestComponents() {
    }

    public static ProgressComponent addProgress(CamelContext context, Consumer<ProgressComponent> configure) {
        ProgressComponent progress = new ProgressComponent();
        progress.setHost("127.0.0.1");
        progress.setPort(0);
        configure.accept(progress);
        HostUnderTest host = HostUnderTest.load();
        try {
            host.configure(progress);
            context.addService(new HostService(host), true, false);
        } catch (Exception e) {
            throw new IllegalStateException("The host under test did not start", e);
        }
        HOSTS.put(progress, host);
        context.addComponent("progress", progress);
        return progress;
    }

    /** The loopback port a component added here serves on, once its context has started. */
    public static int port(ProgressComponent component) {
        HostUnderTest host = HOSTS.get(component);
        return host == null ? component.httpHost().port() : host.port(component);
    }

    /** The host a component added here serves on; the component's own server when it was added otherwise. */
    public static HostUnderTest host(ProgressComponent component) {
        HostUnderTest host = HOSTS.get(component);
        return host == null ? new HostUnderTest.OwnServer() : host;
    }

    /** Stops the host with the context. */
    private static final class HostService extends ServiceSupport {

        private final HostUnderTest host;

        HostService(HostUnderTest host) {
            this.host = host;
        }

        @Override
        protected void doStop() throws Exception {
            host.close();
        }
    }
}
