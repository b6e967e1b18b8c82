package io.camelprogress.springboot;

import java.net.InetSocketAddress;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.testing.HostUnderTest;
import io.camelprogress.transport.servlet.ProgressServlet;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;

/**
 * The servlet host on Undertow 2.3 (Jakarta EE 10), for the run of the black-box transport tests
 * that names it ({@code -Dprogress.test.host}): {@link ProgressServlet} on {@code /progress} (async)
 * and Jakarta WebSocket, at a free loopback port, deployed as Spring Boot deploys on Undertow.
 */
public final class UndertowServletHost implements HostUnderTest {

    private Undertow server;
    private DeploymentManager deployment;

    @Override
    public void configure(ProgressComponent component) throws Exception {
        ProgressServlet servlet = new ProgressServlet();
        DeploymentInfo info = Servlets.deployment()
                .setClassLoader(UndertowServletHost.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("progress")
                .addServlet(Servlets.servlet("progress", ProgressServlet.class, new ImmediateInstanceFactory<>(servlet))
                        .addMappings("/progress", "/progress/*")
                        .setAsyncSupported(true))
                .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, new WebSocketDeploymentInfo());
        deployment = Servlets.defaultContainer().addDeployment(info);
        deployment.deploy();
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                // above the component's maxHeaderSize, so that its bound answers (431), not Undertow's own
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 65536)
                .setHandler(deployment.start())
                .build();
        server.start();
        component.setHttpHostFactory(servlet);
    }

    @Override
    public int port(ProgressComponent component) {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public boolean refusesMalformedQueriesItself() {
        return true;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        deployment.stop();
        deployment.undeploy();
    }
}
