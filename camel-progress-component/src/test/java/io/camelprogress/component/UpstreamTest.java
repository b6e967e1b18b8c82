package io.camelprogress.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelprogress.testing.Await;
import io.camelprogress.testing.WsTestClient;
import io.camelprogress.testing.TestComponents;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages from browsers into routes: WebSocket frames, POSTs, lifecycle, and answers to one connection. */
@Timeout(30)
class UpstreamTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TestComponents.addProgress(context, c -> c.setMaxUpstreamMessageSize(1000));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("progress:chat").routeId("chat")
                        .to("mock:chat")
                        .choice()
                            .when(header(ProgressConstants.TRANSPORT).isEqualTo("websocket"))
                                // the connection key is still on the exchange: the answer goes to that connection only
                                .setBody(simple("echo: ${body}"))
                                .to("progress:chat")
                            .otherwise()
                                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                                .setBody(simple("got ${body}"))
                        .end();
                from("progress:chat?lifecycle=true").routeId("viewers").to("mock:lifecycle");
                from("progress:jobs").routeId("jobs").to("mock:jobs");
                from("direct:publish").to("progress:quiet");
            }
        };
    }

    private String base() {
        return "http://127.0.0.1:" + TestComponents.port(context.getComponent("progress", ProgressComponent.class)) + "/progress/";
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/plain");
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void webSocketMessageReachesTheRouteWhichAnswersThatConnectionOnly() throws Exception {
        MockEndpoint chat = getMockEndpoint("mock:chat");
        chat.expectedBodiesReceived("hi");
        try (WsTestClient asker = WsTestClient.open(base().replace("http", "ws") + "chat/room1");
             WsTestClient other = WsTestClient.open(base().replace("http", "ws") + "chat/room1")) {
            asker.send("hi");
            JsonNode answer = asker.next(WAIT);
            assertEquals("echo: hi", answer.get("data").asText());
            assertEquals("chat/room1", answer.get("stream").asText());
            assertNull(answer.get("id"), "a direct answer has no id: it is not in the log");
            chat.assertIsSatisfied();
            Message in = chat.getExchanges().get(0).getMessage();
            assertEquals("chat/room1", in.getHeader(ProgressConstants.STREAM));
            assertEquals("room1", in.getHeader(ProgressConstants.STREAM_ID));
            assertEquals("websocket", in.getHeader(ProgressConstants.TRANSPORT));
            assertEquals("127.0.0.1", in.getHeader(ProgressConstants.CLIENT_ADDRESS));
            assertNotNull(in.getHeader(ProgressConstants.CONNECTION_KEY));
            assertEquals(0, context.getComponent("progress", ProgressComponent.class).hub().retainedEvents("chat/room1"));
            template.sendBodyAndHeader("progress:chat", "broadcast", ProgressConstants.STREAM_ID, "room1");
            assertEquals("broadcast", other.next(WAIT).get("data").asText(), "the other connection never saw the answer");
            assertEquals("broadcast", asker.next(WAIT).get("data").asText());
        }
    }

    @Test
    void postReachesTheRouteAndGetsItsAnswer() throws Exception {
        HttpResponse<String> answered = post("chat/room2", "hello", Map.of());
        assertEquals(200, answered.statusCode());
        assertEquals("got hello", answered.body());
        Message in = getMockEndpoint("mock:chat").getExchanges().get(0).getMessage();
        assertEquals("http", in.getHeader(ProgressConstants.TRANSPORT));
        assertEquals("text/plain", in.getHeader(Exchange.CONTENT_TYPE));

        HttpResponse<String> accepted = post("jobs/job42", "{\"cancel\":true}", Map.of());
        assertEquals(202, accepted.statusCode());
        assertEquals("", accepted.body());
        assertEquals("{\"cancel\":true}", getMockEndpoint("mock:jobs").getExchanges().get(0).getMessage().getBody(String.class));
    }

    @Test
    void postWithoutAConsumerRouteIs405AndOversizedIs413AndCrossOriginIs403() throws Exception {
        HttpResponse<String> noRoute = post("nobody/x", "hello", Map.of());
        assertEquals(405, noRoute.statusCode());
        assertTrue(noRoute.body().contains("No route consumes messages of channel 'nobody'"), noRoute.body());
        assertEquals(413, post("jobs/x", "x".repeat(1001), Map.of()).statusCode());
        assertEquals(403, post("jobs/x", "x", Map.of("Origin", "https://evil.example.net")).statusCode());
        getMockEndpoint("mock:jobs").expectedMessageCount(0);
        getMockEndpoint("mock:jobs").assertIsSatisfied();
    }

    @Test
    void webSocketFramesWithoutAConsumerAreDroppedAndTheConnectionStays() throws Exception {
        try (WsTestClient client = WsTestClient.open(base().replace("http", "ws") + "quiet")) {
            client.send("nobody listens");
            template.sendBody("direct:publish", "still streaming");
            assertEquals("still streaming", client.next(WAIT).get("data").asText());
            assertFalse(client.isClosed());
        }
    }

    @Test
    void lifecycleRouteSeesSubscribeAndUnsubscribe() throws Exception {
        MockEndpoint lifecycle = getMockEndpoint("mock:lifecycle");
        lifecycle.expectedHeaderValuesReceivedInAnyOrder(ProgressConstants.LIFECYCLE, "subscribe", "unsubscribe");
        WsTestClient client = WsTestClient.open(base().replace("http", "ws") + "chat/room3");
        Await.until(() -> lifecycle.getReceivedCounter() == 1, WAIT, "the subscribe event");
        client.close();
        lifecycle.assertIsSatisfied(10_000);
        Message subscribe = lifecycle.getExchanges().get(0).getMessage();
        assertEquals("chat/room3", subscribe.getHeader(ProgressConstants.STREAM));
        assertEquals("websocket", subscribe.getHeader(ProgressConstants.TRANSPORT));
        assertEquals(subscribe.getHeader(ProgressConstants.CONNECTION_KEY),
                lifecycle.getExchanges().get(1).getMessage().getHeader(ProgressConstants.CONNECTION_KEY));
    }

    @Test
    void answerToAClosedConnectionFailsClearly() {
        Exchange exchange = template.request("progress:chat", e -> {
            e.getMessage().setHeader(ProgressConstants.CONNECTION_KEY, "no-such-key");
            e.getMessage().setBody("x");
        });
        assertEquals("No open connection has key 'no-such-key'; it may have closed", exchange.getException().getMessage());
    }
}
