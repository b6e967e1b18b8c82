package io.camelprogress.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelprogress.event.EventId;
import io.camelprogress.testing.Await;
import io.camelprogress.testing.LongPollTestClient;
import io.camelprogress.testing.LongPollTestClient.Answer;
import io.camelprogress.testing.ProgressServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long-polling: {@code Accept: application/json} with {@code ?after=}, for pages behind proxies that break streaming. */
@Timeout(60)
class LongPollTest {

    private ProgressServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ProgressServer(c -> c.setMaxEventsPerStream(20_000));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersAtOnceWhenEventsAreRetained() throws Exception {
        String first = server.publish("p1", null, "a");
        server.publish("p1", null, "{\"b\":1}");
        Answer answer = LongPollTestClient.poll(server.url("up/p1"), first, 20);
        assertEquals(200, answer.status());
        JsonNode events = answer.body().get("events");
        assertEquals(1, events.size());
        assertEquals(1, events.get(0).get("data").get("b").asInt());
        assertEquals(events.get(0).get("id").asText(), answer.body().get("lastEventId").asText());
    }

    @Test
    void heldAnswerIsReleasedByAPublish() throws Exception {
        String first = server.publish("p2", null, "a");
        CompletableFuture<Answer> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return LongPollTestClient.poll(server.url("up/p2"), first, 20);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until(() -> server.component().hub().subscriptions().size() == 1, Duration.ofSeconds(10), "the held poll");
        assertFalse(poll.isDone());
        String second = server.publish("p2", null, "b");
        Answer answer = poll.get();
        assertEquals("b", answer.body().get("events").get(0).get("data").asText());
        assertEquals(second, answer.body().get("lastEventId").asText());
        Await.until(() -> server.component().hub().subscriptions().isEmpty(), Duration.ofSeconds(10), "the poll to let go");
    }

    @Test
    void timeoutGivesAnEmptyList() throws Exception {
        String first = server.publish("p3", null, "a");
        long start = System.nanoTime();
        Answer answer = LongPollTestClient.poll(server.url("up/p3"), first, 0.3);
        assertTrue(System.nanoTime() - start >= 250_000_000L, "held until the timeout");
        assertEquals(200, answer.status());
        assertEquals(0, answer.body().get("events").size());
        assertEquals(first, answer.body().get("lastEventId").asText());
    }

    @Test
    void completedStreamWithNothingAfterTheIdAnswers204() throws Exception {
        server.publish("p4", null, "a");
        String done = server.publish("p4", "done", "end");
        assertEquals(204, LongPollTestClient.poll(server.url("up/p4"), done, 5).status());
        Answer fromStart = LongPollTestClient.poll(server.url("up/p4"), "", 5);
        assertEquals(2, fromStart.body().get("events").size());
        assertEquals("done", fromStart.body().get("events").get(1).get("event").asText());
    }

    @Test
    void lossGivesALaggedResetEntryFirstAndAnIdToGoOnFrom() throws Exception {
        try (ProgressServer small = new ProgressServer(c -> c.setMaxEventsPerStream(5))) {
            String first = small.publish("g", null, "e0");
            for (int i = 1; i < 20; i++) {
                small.publish("g", null, "e" + i);
            }
            Answer answer = LongPollTestClient.poll(small.url("up/g"), first, 5);
            JsonNode events = answer.body().get("events");
            assertEquals("reset", events.get(0).get("event").asText());
            // a poll's id is the subscriber's own reading position: what passed out of retention since is a lag
            assertEquals("lagged", events.get(0).get("data").get("reason").asText());
            assertEquals(6, events.size());
            assertEquals("e15", events.get(1).get("data").asText());
            Answer next = LongPollTestClient.poll(small.url("up/g"), answer.body().get("lastEventId").asText(), 0.2);
            assertEquals(0, next.body().get("events").size(), "no reset again once caught up");
        }
    }

    @Test
    void loopOfPollsCollects10000EventsWithNoneMissing() throws Exception {
        int total = 10_000;
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                server.publish("loop", null, Integer.toString(i));
            }
        });
        String after = "";
        int expected = 0;
        int polls = 0;
        while (expected < total && polls < 10 * total) {
            polls++;
            Answer answer = LongPollTestClient.poll(server.url("up/loop"), after, 10);
            for (JsonNode event : answer.body().get("events")) {
                assertEquals(Integer.toString(expected), event.get("data").asText(), "event in order");
                expected++;
            }
            after = answer.body().get("lastEventId").asText();
        }
        publisher.get();
        assertEquals(total, expected, "events collected over " + polls + " polls");
        assertTrue(EventId.parse(after) != null);
    }
}
