package io.camelprogress.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelprogress.event.Event;
import io.camelprogress.hub.ProgressLimitExceededException;
import io.camelprogress.hub.StreamSnapshot;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.TestComponents;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer: streams, event names, payloads, terminal events and bad input. */
@Timeout(30)
class ProgressProducerTest extends CamelTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TestComponents.addProgress(context, c -> {
            c.setMaxEventSize(1000);
            c.setMaxStreams(50);
        });
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:body").to("progress:uploads");
                from("direct:progress").to("progress:uploads?payload=progress&streamId=fixed");
                from("direct:split").split(body().tokenize("\n"))
                        .setHeader(ProgressConstants.STREAM_ID, constant("file1"))
                        .to("progress:uploads?payload=progress");
                from("direct:streamed").setHeader(ProgressConstants.TOTAL, method(ProgressLinesBean.NAME, "count"))
                        .split(body().tokenize("\n")).streaming()
                        .to("progress:counted?payload=progress&streamId=s");
                from("direct:unsampled").split(body().tokenize("\n")).streaming()
                        .to("progress:unsampled?payload=progress&progressStep=0&streamId=s");
                from("direct:interval").to("progress:timed?payload=progress&progressInterval=200ms&streamId=s");
                from("direct:custom").to("progress:jobs?eventName=step&terminalEvents=finished,failed");
            }
        };
    }

    private ProgressComponent progress() {
        return context.getComponent("progress", ProgressComponent.class);
    }

    private Map<String, Event> latest(String stream) {
        List<StreamSnapshot> snapshots = progress().hub().snapshot(List.of(stream));
        assertEquals(1, snapshots.size(), "stream " + stream + " exists");
        return snapshots.get(0).latest();
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
    }

    @Test
    void stringBodyAsIsAndEventIdOnTheExchange() {
        Exchange exchange = send("direct:body", "hello\nworld", Map.of(ProgressConstants.STREAM_ID, "job1"));
        String id = exchange.getMessage().getHeader(ProgressConstants.EVENT_ID, String.class);
        assertNotNull(id);
        assertTrue(id.matches("[a-z0-9]{6}-\\d+"), id);
        Event event = latest("uploads/job1").get("progress");
        assertEquals("hello\nworld", event.data());
        assertFalse(event.json());
        assertEquals(id, event.id().toString());
    }

    @Test
    void otherBodiesAsJson() {
        send("direct:body", Map.of("percent", 30), Map.of(ProgressConstants.STREAM_ID, "json"));
        Event event = latest("uploads/json").get("progress");
        assertEquals("{\"percent\":30}", event.data());
        assertTrue(event.json());
    }

    @Test
    void withoutStreamIdTheChannelIsTheStream() {
        send("direct:body", "x", Map.of());
        assertEquals("x", latest("uploads").get("progress").data());
    }

    @Test
    void progressPayloadFromHeaders() {
        send("direct:progress", "half way", Map.of(ProgressConstants.STAGE, "scanning", ProgressConstants.PERCENT, 50));
        assertEquals("{\"stream\":\"uploads/fixed\",\"stage\":\"scanning\",\"percent\":50,\"message\":\"half way\"}",
                latest("uploads/fixed").get("progress").data());
        send("direct:progress", null, Map.of(ProgressConstants.CURRENT, 1, ProgressConstants.TOTAL, 3,
                ProgressConstants.MESSAGE, "one of three"));
        assertEquals("{\"stream\":\"uploads/fixed\",\"percent\":33.3,\"current\":1,\"total\":3,\"message\":\"one of three\"}",
                latest("uploads/fixed").get("progress").data());
    }

    @Test
    void progressPayloadFromASplitter() throws Exception {
        try (SseTestClient client = SseTestClient.open(
                "http://127.0.0.1:" + progress().httpHost().port() + "/progress/uploads/file1")) {
            assertEquals(200, client.status());
            template.sendBody("direct:split", "a\nb\nc\nd");
            List<SseFrame> events = client.events(4, Duration.ofSeconds(10));
            assertEquals("{\"stream\":\"uploads/file1\",\"percent\":25,\"current\":1,\"total\":4,\"message\":\"a\"}", events.get(0).data());
            assertEquals("{\"stream\":\"uploads/file1\",\"percent\":100,\"current\":4,\"total\":4,\"message\":\"d\"}", events.get(3).data());
        }
    }

    @Test
    void aStreamingSplitWithTheLinesCountedSendsOnePerPercent() {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 10_000; i++) {
            lines.append("line ").append(i).append('\n');
        }
        template.sendBody("direct:streamed", lines.toString());
        StreamSnapshot snapshot = progress().hub().snapshot(List.of("counted/s")).get(0);
        // 0.01 % (the first line, shown as 0), then 1 .. 100
        assertEquals(101, progress().hub().retainedEvents("counted/s"));
        assertEquals("{\"stream\":\"counted/s\",\"percent\":100,\"current\":10000,\"total\":10000,\"message\":\"line 10000\"}",
                snapshot.lastEvent().data());

        template.sendBody("direct:streamed", new java.io.ByteArrayInputStream("x\ny\n".getBytes()));
        assertEquals("{\"stream\":\"counted/s\",\"percent\":100,\"current\":2,\"total\":2,\"message\":\"y\"}",
                progress().hub().snapshot(List.of("counted/s")).get(0).lastEvent().data(), "a cached stream is counted and then split");

        template.sendBody("direct:unsampled", "a\nb\nc");
        assertEquals(3, progress().hub().retainedEvents("unsampled/s"), "progressStep=0 sends every exchange");
    }

    @Test
    void progressIntervalHoldsTheLatestUntilTheIntervalEnds() throws Exception {
        for (int percent = 1; percent <= 3; percent++) {
            Exchange exchange = send("direct:interval", "step " + percent, Map.of(ProgressConstants.PERCENT, percent));
            assertEquals(percent == 1, exchange.getMessage().getHeader(ProgressConstants.EVENT_ID) != null,
                    "only the first goes at once and gets an event id");
        }
        assertEquals(1, progress().hub().retainedEvents("timed/s"));
        io.camelprogress.testing.Await.until(() -> progress().hub().retainedEvents("timed/s") == 2, Duration.ofSeconds(5),
                "the held event at the end of the 200 ms interval");
        assertEquals("{\"stream\":\"timed/s\",\"percent\":3,\"message\":\"step 3\"}",
                progress().hub().snapshot(List.of("timed/s")).get(0).lastEvent().data(), "the latest wins");
    }

    @Test
    void aBadProgressStepIsRefusedByName() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint("progress:steps?payload=progress&progressStep=150"));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("progressStep must be between 0 and 100, not 150.0", cause.getMessage());
    }

    @Test
    void progressLinesCountsWhatASplitOnLineBreaksGives() throws Exception {
        assertEquals(0, ProgressLinesBean.count(new java.io.ByteArrayInputStream(new byte[0])));
        assertEquals(2, ProgressLinesBean.count(new java.io.ByteArrayInputStream("a\nb".getBytes())));
        assertEquals(2, ProgressLinesBean.count(new java.io.ByteArrayInputStream("a\nb\n".getBytes())));
        assertEquals(3, ProgressLinesBean.count(new java.io.ByteArrayInputStream("a\n\nb\n".getBytes())));
        Exchange refused = template.request("direct:streamed", e -> e.getMessage().setBody(42));
        assertEquals("progressLines counts the lines of a file, a path, text, bytes or a cached stream, not of a java.lang.Integer",
                refused.getException().getMessage());
    }

    @Test
    void terminalByHeaderAndByConfiguredNames() {
        send("direct:custom", "s1", Map.of(ProgressConstants.STREAM_ID, "a"));
        assertFalse(progress().hub().snapshot(List.of("jobs/a")).get(0).completed());
        send("direct:custom", "ok", Map.of(ProgressConstants.STREAM_ID, "a", ProgressConstants.EVENT, "finished"));
        assertTrue(progress().hub().snapshot(List.of("jobs/a")).get(0).completed());
        send("direct:custom", "done is not terminal here", Map.of(ProgressConstants.STREAM_ID, "b", ProgressConstants.EVENT, "done"));
        assertFalse(progress().hub().snapshot(List.of("jobs/b")).get(0).completed());
        send("direct:custom", "stop", Map.of(ProgressConstants.STREAM_ID, "c", ProgressConstants.TERMINAL, true));
        StreamSnapshot c = progress().hub().snapshot(List.of("jobs/c")).get(0);
        assertTrue(c.completed());
        assertEquals("step", c.lastEvent().name());
    }

    @Test
    void eventNameWithLineBreakFailsTheExchange() {
        Exchange exchange = send("direct:body", "x", Map.of(ProgressConstants.STREAM_ID, "bad", ProgressConstants.EVENT, "evil\nevent: x"));
        assertInstanceOf(IllegalArgumentException.class, exchange.getException());
        assertEquals("SSE event name must not contain CR, LF or NUL: 'evil\\u000aevent: x'", exchange.getException().getMessage());
        assertTrue(progress().hub().snapshot(List.of("uploads/bad")).isEmpty(), "nothing was published");
    }

    @Test
    void badStreamIdFailsTheExchange() {
        for (String streamId : List.of("a\nb", "a b", "a\0", "../x", "x".repeat(200))) {
            Exchange exchange = send("direct:body", "x", Map.of(ProgressConstants.STREAM_ID, streamId));
            assertInstanceOf(IllegalArgumentException.class, exchange.getException(), streamId);
            assertTrue(exchange.getException().getMessage().startsWith("Invalid stream (from header CamelProgressStreamId)"),
                    exchange.getException().getMessage());
        }
    }

    @Test
    void eventOverMaxEventSizeFailsTheExchange() {
        Exchange exchange = send("direct:body", "é".repeat(501), Map.of(ProgressConstants.STREAM_ID, "big"));
        assertInstanceOf(IllegalArgumentException.class, exchange.getException());
        assertEquals("Event for stream 'uploads/big' has 1002 bytes of data, more than maxEventSize=1000",
                exchange.getException().getMessage());
        assertTrue(progress().hub().snapshot(List.of("uploads/big")).isEmpty());
        assertTrue(send("direct:body", "é".repeat(500), Map.of(ProgressConstants.STREAM_ID, "big")).getException() == null);
    }

    @Test
    void maxStreamsReachedFailsTheExchangeWithTheBoundNamed() {
        for (int i = 0; i < 60; i++) {
            send("direct:body", "x", Map.of(ProgressConstants.STREAM_ID, "many" + i));
        }
        Exchange exchange = send("direct:body", "x", Map.of(ProgressConstants.STREAM_ID, "one-too-many"));
        assertInstanceOf(ProgressLimitExceededException.class, exchange.getException());
        assertTrue(exchange.getException().getMessage().contains("maxStreams=50"));
    }
}
