package io.camelprogress.springboot;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.embedded.jetty.JettyWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.annotation.Bean;

/** The sample application on Jetty 12 instead of Tomcat. */
@SpringBootTest(classes = { SampleApplication.class, SpringBootOnJettyTest.OnJetty.class },
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootOnJettyTest extends SpringBootOnOtherContainerTestBase {

    /** Jetty as the application's servlet container. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OnJetty {

        @Bean
        JettyServletWebServerFactory jetty() {
            return new JettyServletWebServerFactory();
        }
    }

    @Override
    Class<? extends WebServer> expectedWebServer() {
        return JettyWebServer.class;
    }
}
