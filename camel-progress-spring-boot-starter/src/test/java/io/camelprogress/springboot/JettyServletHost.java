package io.camelprogress.springboot;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.testing.HostUnderTest;
import io.camelprogress.transport.servlet.ProgressServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The servlet host on Jetty 12 (Jakarta EE 10), for the run of the black-box transport tests that
 * names it ({@code -Dprogress.test.host}): {@link ProgressServlet} on {@code /progress} (async) and
 * Jakarta WebSocket, at a free loopback port.
 */
public final class JettyServletHost implements HostUnderTest {

    private Server server;
    private ServerConnector connector;

    @Override
    public void configure(ProgressComponent component) throws Exception {
        ProgressServlet servlet = new ProgressServlet();
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        // above the component's maxHeaderSize, so that its bound answers (431), not Jetty's own
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().setRequestHeaderSize(65536);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("progress", servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/progress");
        context.addServlet(holder, "/progress/*");
        JakartaWebSocketServletContainerInitializer.configure(context, null);
        server.setHandler(context);
        server.start();
        component.setHttpHostFactory(servlet);
    }

    @Override
    public int port(ProgressComponent component) {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
