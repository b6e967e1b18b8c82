package io.camelprogress.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.component.ProgressConstants;
import io.camelprogress.testing.LongPollTestClient;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.TestComponents;
import io.camelprogress.testing.WsTestClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import io.camelprogress.testing.CapturedLogs;
import io.camelprogress.testing.PlainHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streams made private with {@code ticketSecret}: every transport and POST needs a ticket that covers
 * what it names, carried in the query, a bearer header or the cookie; black-box over loopback.
 */
@Timeout(30)
class PrivateStreamsTest {

    @RegisterExtension
    static final CapturedLogs LOGS = TicketsInLogs.capture();

    private static final String SECRET = "a test secret that is long enough for HMAC";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private CamelContext context;
    private ProducerTemplate template;
    private ProgressComponent component;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        component = TestComponents.addProgress(context, c -> c.setTicketSecret(SECRET));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").to("progress:uploads");
                from("progress:uploads").to("mock:heard");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void noTicketWasLogged() {
        TicketsInLogs.assertNoTicket(LOGS, "Refusing sse of uploads/b");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    /** Publishes to uploads/{job} and returns the ticket the exchange came back with. */
    private String publish(String job, String body) {
        Exchange exchange = template.request("direct:publish", e -> {
            e.getMessage().setHeader(ProgressConstants.STREAM_ID, job);
            e.getMessage().setBody(body);
        });
        assertEquals(null, exchange.getException());
        return exchange.getMessage().getHeader(ProgressConstants.TICKET, String.class);
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + TestComponents.port(component) + "/progress/" + pathAndQuery;
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        return PlainHttp.get(url, headers);
    }

    private static void assertRefused(int status, String reason, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(reason + "\n", response.body());
    }

    @Test
    void theProducersTicketReadsItsStreamOnEveryWayOfPassingIt() throws Exception {
        String ticket = publish("a", "first");
        assertNotNull(ticket, "every producer exchange gets a ticket for its stream");
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer " + ticket),
                Map.of("Cookie", "theme=dark; progress_ticket=" + ticket))) {
            String query = headers.isEmpty() ? "?ticket=" + ticket : "";
            try (SseTestClient client = SseTestClient.open(url("uploads/a" + query), headers)) {
                assertEquals(200, client.status());
                assertEquals("first", client.events(1, WAIT).get(0).data());
            }
        }
    }

    @Test
    void aTicketCookieIsFoundAmongSeveralCookieFields() throws Exception {
        String ticket = publish("a", "split cookies");
        // HTTP/2 lets a browser send each cookie in a field of its own; HTTP/1.1 clients may too
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url("uploads/a"))).timeout(WAIT)
                .header("Accept", "application/json").header("Cookie", "theme=dark").header("Cookie", "progress_ticket=" + ticket).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    void aTicketForOneStreamReadsNoOther() throws Exception {
        String ticketA = publish("a", "for a");
        publish("b", "for b");
        assertRefused(403, "Ticket refused: it does not cover every stream this request names",
                get(url("uploads/b?ticket=" + ticketA), Map.of("Accept", "text/event-stream")));
        assertRefused(403, "Ticket refused: it does not cover every stream this request names",
                get(url("uploads/*?ticket=" + ticketA), Map.of("Accept", "text/event-stream")));
        assertRefused(403, "Ticket refused: it does not cover every stream this request names",
                get(url("?stream=uploads/a&stream=uploads/b&ticket=" + ticketA), Map.of("Accept", "text/event-stream")));
        assertRefused(403, "Ticket refused: it does not cover every stream this request names",
                get(url("uploads/b?ticket=" + ticketA), Map.of("Accept", "application/json")));
    }

    @Test
    void aChannelTicketReadsEveryStreamOfTheChannel() throws Exception {
        String channelTicket = component.tickets().issue("uploads/*");
        try (SseTestClient all = SseTestClient.open(url("uploads/*?ticket=" + channelTicket))) {
            assertEquals(200, all.status());
            assertEquals(SseFrame.Kind.RETRY, all.next(WAIT).kind());
            publish("x", "one");
            publish("y", "two");
            assertEquals(List.of("one", "two"), all.events(2, WAIT).stream().map(SseFrame::data).toList());
        }
        try (SseTestClient one = SseTestClient.open(url("uploads/y?ticket=" + channelTicket))) {
            assertEquals("two", one.events(1, WAIT).get(0).data());
        }
        assertRefused(403, "Ticket refused: it does not cover every stream this request names",
                get(url("other/x?ticket=" + channelTicket), Map.of()));
    }

    @Test
    void missingExpiredAndTamperedTicketsAreRefused() throws Exception {
        String ticket = publish("a", "secret work");
        HttpResponse<String> missing = get(url("uploads/a"), Map.of("Accept", "text/event-stream"));
        assertRefused(401, "A ticket is required: pass ?ticket=, the progress_ticket cookie or Authorization: Bearer", missing);
        assertEquals("Bearer realm=\"progress\"", missing.headers().firstValue("WWW-Authenticate").orElseThrow());

        ProgressTickets twoHoursAgo = new ProgressTickets(SECRET, Duration.ofHours(1), () -> System.currentTimeMillis() - 7_200_000);
        assertRefused(403, "Ticket refused: ticket expired", get(url("uploads/a?ticket=" + twoHoursAgo.issue("uploads/a")), Map.of()));

        String tampered = ticket.substring(0, ticket.length() - 2) + (ticket.endsWith("AA") ? "BB" : "AA");
        assertRefused(403, "Ticket refused: ticket signature does not match", get(url("uploads/a?ticket=" + tampered), Map.of()));
        assertRefused(403, "Ticket refused: malformed ticket", get(url("uploads/a"), Map.of("Authorization", "Bearer nonsense")));
    }

    @Test
    void longPollSnapshotAndPostNeedTheTicketToo() throws Exception {
        String ticket = publish("a", "done soon");
        assertEquals(401, LongPollTestClient.poll(url("uploads/a"), "", 0).status());
        LongPollTestClient.Answer answer = LongPollTestClient.poll(url("uploads/a?ticket=" + ticket), "", 0);
        assertEquals(200, answer.status());
        assertEquals("done soon", answer.body().get("events").get(0).get("data").asText());

        assertEquals(401, get(url("uploads/a"), Map.of("Accept", "application/json")).statusCode());
        HttpResponse<String> snapshot = get(url("uploads/a?ticket=" + ticket), Map.of("Accept", "application/json"));
        assertEquals(200, snapshot.statusCode());
        assertTrue(snapshot.body().contains("done soon"), snapshot.body());

        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url("uploads/a"))).timeout(WAIT)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("cancel"));
        assertEquals(401, HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> heard = HTTP.send(post.header("Authorization", "Bearer " + ticket).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, heard.statusCode(), "the route heard it and gave no status of its own");
        String otherTicket = publish("b", "b's");
        HttpRequest wrong = HttpRequest.newBuilder(URI.create(url("uploads/a?ticket=" + otherTicket))).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString("cancel")).build();
        assertEquals(403, HTTP.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void webSocketHandshakesNeedATicket() throws Exception {
        String ticket = publish("a", "over the socket");
        CompletionException refused = assertThrows(CompletionException.class, () -> HTTP.newWebSocketBuilder()
                .buildAsync(URI.create(url("uploads/a").replace("http:", "ws:")), new WebSocket.Listener() {
                }).orTimeout(10, TimeUnit.SECONDS).join());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(401, handshake.getResponse().statusCode());

        try (WsTestClient client = WsTestClient.open(url("uploads/a?ticket=" + ticket).replace("http:", "ws:"))) {
            assertEquals("over the socket", client.next(WAIT).get("data").asText());
        }
    }
}
