package io.camelprogress.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.SseTestClient;
import org.apache.camel.builder.RouteBuilder;
import io.camelprogress.testing.CapturedLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CORS for SSE, long-poll, snapshot and POST from {@code allowedOrigins}; nothing for other origins. */
@Timeout(30)
class CorsTest {

    @RegisterExtension
    static final CapturedLogs LOGS = TicketsInLogs.capture();

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String APP = "https://app.example.com";
    private static final String EVIL = "https://evil.example.net";

    private ProgressServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ProgressServer(c -> {
            c.setAllowedOrigins(APP + ",https://admin.example.com");
            c.setAllowCredentials(true);
        });
        server.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("progress:up").to("mock:heard");
            }
        });
        server.publish("job", null, "hello");
    }

    @AfterAll
    static void noTicketWasLogged() {
        TicketsInLogs.assertNoTicket(LOGS, "Refusing POST from origin https://evil.example.net");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) throws Exception {
        headers.forEach(request::header);
        return HTTP.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> allowOrigin(HttpResponse<?> response) {
        return response.headers().firstValue("Access-Control-Allow-Origin");
    }

    @Test
    void sseEchoesAnAllowedOriginWithCredentials() throws Exception {
        try (SseTestClient client = SseTestClient.open(server.url("up/job"), Map.of("Origin", APP))) {
            assertEquals(APP, allowOrigin(client.response()).orElseThrow());
            assertEquals("true", client.response().headers().firstValue("Access-Control-Allow-Credentials").orElseThrow());
            assertEquals("Origin", client.response().headers().firstValue("Vary").orElseThrow());
            assertEquals("hello", client.events(1, WAIT).get(0).data());
        }
        try (SseTestClient other = SseTestClient.open(server.url("up/job"), Map.of("Origin", EVIL))) {
            assertEquals(Optional.empty(), allowOrigin(other.response()), "no grant for other origins");
            assertEquals(Optional.empty(), other.response().headers().firstValue("Access-Control-Allow-Credentials"));
        }
    }

    @Test
    void longPollAndSnapshotToo() throws Exception {
        HttpRequest.Builder poll = HttpRequest.newBuilder(URI.create(server.url("up/job?after=&timeout=0"))).GET();
        HttpResponse<String> polled = send(poll, Map.of("Origin", APP, "Accept", "application/json"));
        assertEquals(200, polled.statusCode());
        assertEquals(APP, allowOrigin(polled).orElseThrow());
        HttpResponse<String> snapshot = send(HttpRequest.newBuilder(URI.create(server.url("up/job"))).GET(),
                Map.of("Origin", "https://admin.example.com", "Accept", "application/json"));
        assertEquals("https://admin.example.com", allowOrigin(snapshot).orElseThrow());
        HttpResponse<String> refusedRead = send(HttpRequest.newBuilder(URI.create(server.url("up/nothing-here"))).GET(),
                Map.of("Origin", APP, "Accept", "application/json"));
        assertEquals(404, refusedRead.statusCode());
        assertEquals(APP, allowOrigin(refusedRead).orElseThrow(), "errors are readable by the page too");
        assertEquals(Optional.empty(), allowOrigin(send(HttpRequest.newBuilder(URI.create(server.url("up/job"))).GET(),
                Map.of("Origin", EVIL, "Accept", "application/json"))));
    }

    @Test
    void aPostIsPreflightedAndAnswered() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(server.url("up/job")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), Map.of("Origin", APP,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type, authorization"));
        assertEquals(204, preflight.statusCode());
        assertEquals(APP, allowOrigin(preflight).orElseThrow());
        assertEquals("GET, POST", preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals("content-type, authorization", preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
        assertEquals("true", preflight.headers().firstValue("Access-Control-Allow-Credentials").orElseThrow());
        assertEquals("600", preflight.headers().firstValue("Access-Control-Max-Age").orElseThrow());

        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(server.url("up/job")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"cancel\":true}")), Map.of("Origin", APP, "Content-Type", "application/json"));
        assertEquals(202, post.statusCode());
        assertEquals(APP, allowOrigin(post).orElseThrow());
    }

    @Test
    void theNullOriginOfSandboxedFramesGetsNoGrant() throws Exception {
        try (SseTestClient sandboxed = SseTestClient.open(server.url("up/job"), Map.of("Origin", "null"))) {
            assertEquals(Optional.empty(), allowOrigin(sandboxed.response()));
        }
    }

    @Test
    void credentialsForAnyOriginAreRefusedAtStart() {
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> {
            try (ProgressServer any = new ProgressServer(c -> {
                c.setAllowedOrigins("*");
                c.setAllowCredentials(true);
            })) {
                any.port();
            }
        });
        Throwable cause = rootCause(refused);
        assertEquals(IllegalArgumentException.class, cause.getClass(), refused.toString());
        org.junit.jupiter.api.Assertions.assertTrue(cause.getMessage().contains("list the origins instead"), cause.getMessage());
    }

    private static Throwable rootCause(Throwable t) {
        return t.getCause() == null ? t : rootCause(t.getCause());
    }

    @Test
    void otherOriginsMethodsAndHeadersGetNoGrant() throws Exception {
        HttpRequest.Builder options = HttpRequest.newBuilder(URI.create(server.url("up/job")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        for (Map<String, String> headers : new Map[] {
                Map.of("Origin", EVIL, "Access-Control-Request-Method", "POST"),
                Map.of("Origin", APP, "Access-Control-Request-Method", "DELETE"),
                Map.of("Origin", APP, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "x-secret-admin") }) {
            HttpResponse<String> refused = send(options.copy(), headers);
            assertEquals(403, refused.statusCode(), headers.toString());
            assertEquals(Optional.empty(), allowOrigin(refused));
            assertEquals(Optional.empty(), refused.headers().firstValue("Access-Control-Allow-Methods"));
        }
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(server.url("up/job")))
                .POST(HttpRequest.BodyPublishers.ofString("cancel")), Map.of("Origin", EVIL));
        assertEquals(403, forged.statusCode(), "a POST from another origin is refused, as before");
        HttpResponse<String> plainOptions = send(options.copy(), Map.of());
        assertEquals(204, plainOptions.statusCode());
        assertEquals("GET, POST, OPTIONS", plainOptions.headers().firstValue("Allow").orElseThrow());
    }
}
