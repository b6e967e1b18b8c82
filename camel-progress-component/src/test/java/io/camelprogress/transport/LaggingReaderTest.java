package io.camelprogress.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.hub.Subscription;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.TestTransport;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subscriber that reads ten times slower than a 50,000-event burst of 1 KB events, over every
 * transport: with the whole burst retained it ends with every event in order; with 1,000 retained,
 * every event it misses is announced by a {@code lagged} reset first. Meanwhile the server holds no
 * more for it than its live-queue bound, however far behind it is.
 */
@Timeout(300)
class LaggingReaderTest {

    private static final Logger LOG = LoggerFactory.getLogger(LaggingReaderTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 50_000;
    private static final int MAX_PENDING = 1_000;
    /** Items the client holds for the test before it stops reading its socket. */
    private static final int CLIENT_CAPACITY = 64;
    private static final Duration WAIT = Duration.ofSeconds(30);

    static Stream<Arguments> transportsAndRetention() {
        List<Arguments> cases = new ArrayList<>();
        for (TestTransport transport : TestTransport.values()) {
            cases.add(Arguments.of(transport, 100_000));
            cases.add(Arguments.of(transport, 1_000));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, retention {1}")
    @MethodSource("transportsAndRetention")
    void slowReaderGetsEveryRetainedEventAndIsToldOfTheRest(TestTransport transport, int retention) throws Exception {
        try (ProgressServer server = new ProgressServer(c -> {
            c.setMaxEventsPerStream(retention);
            c.setMaxBytesPerStream(256L << 20);
            c.setMaxPendingEvents(MAX_PENDING);
        })) {
            String pad = ".".repeat(1000);
            Semaphore readOne = new Semaphore(0);
            AtomicInteger heldMost = new AtomicInteger();
            // the first event opens the stream, so that the reader subscribes before the burst
            server.publish("lag", null, "{\"n\":0,\"pad\":\"" + pad + "\"}");
            CompletableFuture<Void> publisher = new CompletableFuture<>();
            Thread burst = new Thread(() -> {
                try {
                    for (int i = 1; i < EVENTS; i++) {
                        // the reader takes one event for every ten published while the burst lasts
                        if (i % 10 == 0 && !readOne.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                            throw new AssertionError("the reader took nothing for " + WAIT);
                        }
                        server.publish("lag", i == EVENTS - 1 ? "done" : null, "{\"n\":" + i + ",\"pad\":\"" + pad + "\"}");
                        if (i % 500 == 0) {
                            for (Subscription sub : server.component().hub().subscriptions()) {
                                heldMost.accumulateAndGet(sub.pending(), Math::max);
                            }
                        }
                    }
                    publisher.complete(null);
                } catch (Throwable e) {
                    publisher.completeExceptionally(e);
                }
            }, "burst");
            burst.setDaemon(true);
            burst.start();

            List<Long> numbers = new ArrayList<>(EVENTS);
            List<Integer> resetsBefore = new ArrayList<>();
            int resets = 0;
            String lastId = null;
            boolean ended = false;
            while (!ended) {
                try (TestTransport.Session session = transport.open(server, "up/lag", lastId, CLIENT_CAPACITY)) {
                    while (true) {
                        TestTransport.Seen seen = session.next(WAIT);
                        if (seen == null) {
                            ended = true;
                            break;
                        }
                        if (seen.isBatchEnd()) {
                            lastId = seen.id() == null ? lastId : seen.id();
                            break;
                        }
                        if (seen.isReset()) {
                            JsonNode reset = JSON.readTree(seen.data());
                            assertEquals("lagged", reset.get("reason").asText(), seen.data());
                            assertEquals("up/lag", reset.get("streams").get(0).asText());
                            resets++;
                            resetsBefore.add(numbers.size());
                            continue;
                        }
                        numbers.add(JSON.readTree(seen.data()).get("n").asLong());
                        lastId = seen.id();
                        readOne.release();
                        if ("done".equals(seen.event())) {
                            ended = true;
                            break;
                        }
                    }
                }
            }
            publisher.get(60, TimeUnit.SECONDS);

            assertEquals(EVENTS - 1L, numbers.get(numbers.size() - 1).longValue(), "the terminal event arrives last");
            int next = 0;
            for (int i = 0; i < numbers.size(); i++) {
                long n = numbers.get(i);
                assertTrue(n >= next, "in order and nothing twice: " + n + " after " + (next - 1));
                if (n > next) {
                    assertTrue(resetsBefore.contains(i), "events " + next + ".." + (n - 1) + " are missing without a reset before them");
                }
                next = (int) n + 1;
            }
            if (retention >= EVENTS) {
                assertEquals(EVENTS, numbers.size(), "with everything retained, every event arrives");
                assertEquals(0, resets);
            } else {
                assertTrue(resets > 0, "with 1,000 retained the reader cannot have kept up: it is told");
            }
            assertTrue(heldMost.get() <= MAX_PENDING, "events held for the reader: " + heldMost.get());
            LOG.info("{} with retention {}: {} of {} events, {} resets, at most {} events held for it",
                    transport, retention, numbers.size(), EVENTS, resets, heldMost.get());
        }
    }
}
