package io.camelprogress.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Long-polls a stream URL with the JDK HttpClient. */
public final class LongPollTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One poll's answer: its status, and its body when that is JSON. */
    public record Answer(int status, JsonNode body) {
    }

    private LongPollTestClient() {
    }

    /** Polls {@code url} for events after {@code after} (empty for "from the start"), held up to {@code timeoutSeconds}. */
    public static Answer poll(String url, String after, double timeoutSeconds) throws Exception {
        String query = (url.contains("?") ? "&" : "?") + "after=" + URLEncoder.encode(after == null ? "" : after, StandardCharsets.UTF_8)
                       + "&timeout=" + timeoutSeconds;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + query)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds((long) timeoutSeconds + 10)).GET().build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        return new Answer(response.statusCode(), json && !response.body().isEmpty() ? JSON.readTree(response.body()) : null);
    }
}
