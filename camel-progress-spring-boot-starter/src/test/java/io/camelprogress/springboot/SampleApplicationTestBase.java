package io.camelprogress.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.camelprogress.component.ProgressComponent;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the tests of {@link SampleApplication} share: its port, its component, and plain requests to its streams. */
abstract class SampleApplicationTestBase {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camelContext;

    /** A stream's URL under the application's basePath ({@code /live}, from application.properties). */
    String url(String path) {
        return "http://127.0.0.1:" + port + "/live/" + path;
    }

    String wsUrl(String path) {
        return "ws://127.0.0.1:" + port + "/live/" + path;
    }

    ProgressComponent progress() {
        return camelContext.getComponent("progress", ProgressComponent.class);
    }

    static HttpResponse<String> get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT);
        headers.forEach(request::header);
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
