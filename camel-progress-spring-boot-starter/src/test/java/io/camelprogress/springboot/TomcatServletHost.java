package io.camelprogress.springboot;

import java.io.File;
import java.nio.file.Files;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.testing.HostUnderTest;
import io.camelprogress.transport.servlet.ProgressServlet;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * The servlet host under the component's black-box transport tests: an embedded Tomcat at a free
 * loopback port with {@link ProgressServlet} on {@code /progress} (async) and Jakarta WebSocket,
 * as Spring Boot sets it up, without the rest of Spring, so that each test starts in well under a second.
 */
public final class TomcatServletHost implements HostUnderTest {

    private Tomcat tomcat;
    private File baseDir;

    @Override
    public void configure(ProgressComponent component) throws Exception {
        ProgressServlet servlet = new ProgressServlet();
        baseDir = Files.createTempDirectory("tomcat-progress").toFile();
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.getAbsolutePath());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        // above the component's maxHeaderSize, so that its bound answers (431), not Tomcat's own (400)
        connector.setProperty("maxHttpHeaderSize", "65536");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.getAbsolutePath());
        context.addServletContainerInitializer(new WsSci(), null);
        Wrapper wrapper = Tomcat.addServlet(context, "progress", servlet);
        wrapper.setAsyncSupported(true);
        context.addServletMappingDecoded("/progress", "progress");
        context.addServletMappingDecoded("/progress/*", "progress");
        tomcat.start();
        component.setHttpHostFactory(servlet);
    }

    @Override
    public int port(ProgressComponent component) {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        try (var files = Files.walk(baseDir.toPath())) {
            files.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile).forEach(File::delete);
        }
    }
}
