package io.camelprogress.springboot;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.annotation.Bean;

/** The sample application on Undertow 2.3 instead of Tomcat. */
@SpringBootTest(classes = { SampleApplication.class, SpringBootOnUndertowTest.OnUndertow.class },
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootOnUndertowTest extends SpringBootOnOtherContainerTestBase {

    /** Undertow as the application's servlet container. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OnUndertow {

        @Bean
        UndertowServletWebServerFactory undertow() {
            return new UndertowServletWebServerFactory();
        }
    }

    @Override
    Class<? extends WebServer> expectedWebServer() {
        return UndertowServletWebServer.class;
    }
}
