package io.camelprogress.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One-shot HTTP/1.1 requests whose whole answer a test reads (refusals, snapshots, polls answered at once). */
public final class PlainHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private PlainHttp() {
    }

    /** GETs {@code url} with these headers and reads the whole answer. */
    public static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        headers.forEach(request::header);
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
