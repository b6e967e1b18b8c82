package io.camelprogress.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer's sampler: steps, stages, terminal events, the interval (latest wins) and its bound on streams. */
@Timeout(30)
class ProgressSamplerTest {

    private final List<String> published = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000);
    private ScheduledExecutorService timer;

    @AfterEach
    void stopTimer() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private CompletionStage<Event> publish(EventDraft draft) {
        synchronized (published) {
            published.add(draft.stream() + " " + draft.name() + " " + draft.data());
        }
        return CompletableFuture.completedFuture(null);
    }

    private List<String> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    private ProgressSampler sampler(double step, long interval, int maxStreams) {
        return new ProgressSampler(this::publish, step, interval, maxStreams, clock::get, timer);
    }

    private static CompletionStage<Event> offer(ProgressSampler sampler, String stream, String stage, Double percent) {
        return offer(sampler, stream, "progress", false, stage, percent);
    }

    private static CompletionStage<Event> offer(ProgressSampler sampler, String stream, String name, boolean terminal,
                                                String stage, Double percent) {
        ProgressReading reading = new ProgressReading(stream, stage, percent, null, null, null);
        return sampler.offer(reading, name, terminal, () -> new EventDraft(stream, name, stage + "@" + percent, false, terminal));
    }

    @Test
    void onePerWholePercentTheFirstAtOnce() {
        ProgressSampler sampler = sampler(1, 0, 100);
        for (double percent : new double[] { 0.3, 0.9, 1.0, 1.5, 1.9, 2.0, 2.0, 7.4, 100 }) {
            offer(sampler, "a/1", "s", percent);
        }
        assertEquals(List.of("a/1 progress s@0.3", "a/1 progress s@1.0", "a/1 progress s@2.0", "a/1 progress s@7.4",
                "a/1 progress s@100.0"), published());
    }

    @Test
    void aStepOfFivePercent() {
        ProgressSampler sampler = sampler(5, 0, 100);
        for (int i = 0; i <= 1000; i++) {
            offer(sampler, "a/1", "s", i / 10.0);
        }
        assertEquals(21, published().size(), "0, 5, 10, ... 100: " + published());
    }

    @Test
    void stageAndEventNameChangesGoAtOnceInTheSameStep() {
        ProgressSampler sampler = sampler(1, 0, 100);
        offer(sampler, "a/1", "unpack", 10.0);
        offer(sampler, "a/1", "unpack", 10.5);
        offer(sampler, "a/1", "scan", 10.6);
        offer(sampler, "a/1", "scan", 10.7);
        offer(sampler, "a/1", "warning", false, "scan", 10.8);
        assertEquals(List.of("a/1 progress unpack@10.0", "a/1 progress scan@10.6", "a/1 warning scan@10.8"), published());
    }

    @Test
    void terminalEventsAlwaysGoAndForgetTheStream() {
        ProgressSampler sampler = sampler(1, 0, 100);
        offer(sampler, "a/1", "s", 50.0);
        assertTrue(sampler.tracks("a/1"));
        assertNotNull(offer(sampler, "a/1", "done", true, "s", 50.0));
        assertFalse(sampler.tracks("a/1"), "an ended stream holds no state");
        assertEquals(List.of("a/1 progress s@50.0", "a/1 done s@50.0"), published());
    }

    @Test
    void stepZeroAndEventsWithoutAPercentAreNotThinned() {
        ProgressSampler every = sampler(0, 0, 100);
        for (int i = 0; i < 10; i++) {
            offer(every, "a/1", "s", 1.0);
        }
        ProgressSampler byStep = sampler(1, 0, 100);
        for (int i = 0; i < 10; i++) {
            offer(byStep, "b/1", "s", null);
        }
        assertEquals(20, published().size());
        assertFalse(ProgressSampler.thins(0, 0), "payload=progress with step 0 and no interval needs no sampler");
    }

    @Test
    void eachStreamIsSampledOnItsOwn() {
        ProgressSampler sampler = sampler(1, 0, 100);
        offer(sampler, "a/1", "s", 5.0);
        offer(sampler, "a/2", "s", 5.0);
        offer(sampler, "a/1", "s", 5.5);
        offer(sampler, "a/2", "s", 5.5);
        assertEquals(List.of("a/1 progress s@5.0", "a/2 progress s@5.0"), published());
    }

    @Test
    void theIntervalHoldsTheLatestAndSendsItWhenItEnds() throws Exception {
        timer = Executors.newSingleThreadScheduledExecutor();
        ProgressSampler sampler = new ProgressSampler(this::publish, 1, 200, 100, System::currentTimeMillis, timer);
        assertNotNull(offer(sampler, "a/1", "s", 1.0), "the first goes at once");
        assertNull(offer(sampler, "a/1", "s", 2.0), "held");
        assertNull(offer(sampler, "a/1", "s", 3.0), "held instead of 2");
        assertNull(offer(sampler, "a/1", "s", 3.5), "same step as the held one: dropped");
        Await.until(() -> published().size() == 2, Duration.ofSeconds(5), "the held event at the end of the interval");
        assertEquals(List.of("a/1 progress s@1.0", "a/1 progress s@3.0"), published());

        assertNull(offer(sampler, "a/1", "s", 4.0), "held again: the interval starts at the last event sent");
        assertNotNull(offer(sampler, "a/1", "next", 4.1), "a stage change goes at once and supersedes what was held");
        assertNotNull(offer(sampler, "a/1", "done", true, "next", 4.1));
        assertEquals(List.of("a/1 progress s@1.0", "a/1 progress s@3.0", "a/1 progress next@4.1", "a/1 done next@4.1"), published());
        assertEquals(0, sampler.streams());
    }

    @Test
    void stateIsBoundedByStreamsAndAForgottenStreamStartsAfresh() {
        timer = Executors.newSingleThreadScheduledExecutor();
        ProgressSampler sampler = sampler(1, 60_000, 3);
        offer(sampler, "a/0", "s", 1.0);
        clock.addAndGet(10);
        assertNull(offer(sampler, "a/0", "s", 2.0), "held for a minute");
        for (int i = 1; i <= 1000; i++) {
            offer(sampler, "a/" + i, "s", 1.0);
            assertTrue(sampler.streams() <= 3, "streams held: " + sampler.streams());
        }
        assertEquals(3, sampler.streams());
        assertFalse(sampler.tracks("a/0"));
        assertTrue(published().contains("a/0 progress s@2.0"), "a forgotten stream's held event is sent, not lost");
        int before = published().size();
        assertNotNull(offer(sampler, "a/0", "s", 2.0), "its next event counts as a first");
        assertEquals(before + 1, published().size());
    }

    @Test
    void flushAllSendsWhatIsHeld() {
        timer = Executors.newSingleThreadScheduledExecutor();
        ProgressSampler sampler = sampler(1, 60_000, 10);
        offer(sampler, "a/1", "s", 1.0);
        offer(sampler, "a/1", "s", 2.0);
        sampler.flushAll();
        assertEquals(List.of("a/1 progress s@1.0", "a/1 progress s@2.0"), published());
        assertEquals(0, sampler.streams());
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertEquals("progressStep must be between 0 and 100, not -1.0",
                assertThrows(IllegalArgumentException.class, () -> sampler(-1, 0, 1)).getMessage());
        assertEquals("progressInterval must not be negative, not -5 ms",
                assertThrows(IllegalArgumentException.class, () -> sampler(1, -5, 1)).getMessage());
    }
}
