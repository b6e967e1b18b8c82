package io.camelprogress.bench.servlet;

import java.nio.charset.StandardCharsets;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark server on a servlet container: Spring Boot with the starter on Tomcat, Jetty or
 * Undertow (the build's Maven profile), the streams on {@code server.port} under {@code /progress}
 * through the servlet host, and every POST to {@code /publish/bench} published to
 * {@code progress:bench}, as the Vert.x bench server does.
 */
@SpringBootApplication
@RestController
public class ServletBenchServer {

    private final ProducerTemplate template;

    public ServletBenchServer(ProducerTemplate template) {
        this.template = template;
    }

    /**
     * Starts the server and runs until the process is stopped.
     *
     * @param args Spring Boot arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(ServletBenchServer.class, args);
    }

    /** The route into {@code progress:bench}: its endpoint starts the component, and with it the servlet host, at start. */
    @Bean
    RouteBuilder benchRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").routeId("bench-publish").to("progress:bench");
            }
        };
    }

    /** Publishes the body as it is (a String, so progress: does not write bytes as JSON), answering 202 as the Vert.x server. */
    @PostMapping("/publish/bench")
    public ResponseEntity<Void> publish(@RequestBody(required = false) byte[] body) {
        template.sendBody("direct:publish", body == null ? "" : new String(body, StandardCharsets.UTF_8));
        return ResponseEntity.accepted().build();
    }
}
