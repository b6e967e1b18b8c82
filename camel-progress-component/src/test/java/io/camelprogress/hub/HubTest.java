package io.camelprogress.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.camelprogress.backplane.LocalBackplane;
import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import io.camelprogress.event.ResetNotice;
import io.camelprogress.event.StreamItem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub's ordering and every bound of DESIGN §7 that lives in the hub, pushed past once. */
class HubTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    /** A connection that never drains; its socket is backed up unless told otherwise. */
    private static final class RecordingSink implements SubscriptionSink {
        final AtomicBoolean overflowed = new AtomicBoolean();
        int wakeups;
        boolean backedUp = true;

        @Override
        public boolean backpressured() {
            return backedUp;
        }

        @Override
        public void wakeup() {
            wakeups++;
        }

        @Override
        public void overflowed() {
            overflowed.set(true);
        }

        @Override
        public void disconnect() {
            overflowed.set(true);
        }
    }

    private HubLimits limits(int perStream, long bytes, int streams, int pending, SlowConsumerPolicy policy) {
        return new HubLimits(perStream, bytes, 60_000, streams, 10_000, pending, policy);
    }

    private Hub hub(HubLimits limits, LocalBackplane backplane) {
        Hub hub = new Hub(limits, now::get, true);
        backplane.start(hub);
        return hub;
    }

    private static Event publish(LocalBackplane backplane, String stream, String name, String data, boolean terminal) {
        try {
            return backplane.publish(new EventDraft(stream, name, data, false, terminal)).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private static List<StreamItem> drain(Subscription sub) {
        List<StreamItem> out = new ArrayList<>();
        while (sub.drainTo(out, Integer.MAX_VALUE) > 0) {
            // a subscriber catching up reads the log in batches
        }
        return out;
    }

    private static List<String> data(List<StreamItem> items) {
        return items.stream().map(i -> i instanceof Event e ? e.data() : "reset:" + ((ResetNotice) i).reason())
                .collect(Collectors.toList());
    }

    @Test
    void idsGrowInPublishOrderAndLiveFollowsReplayWithoutGapOrDuplicate() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(100, 1 << 20, 10, 100, SlowConsumerPolicy.coalesce), bp);
        Event first = publish(bp, "up/1", "progress", "a", false);
        publish(bp, "up/1", "progress", "b", false);
        Subscription sub = hub.subscribe(StreamSelection.of("up/1"), first.id(), new RecordingSink()).subscription();
        publish(bp, "up/1", "progress", "c", false);
        assertEquals(List.of("b", "c"), data(drain(sub)));
    }

    @Test
    void maxEventsPerStreamDropsOldestAndResumeBehindItGetsAReset() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(10, 1 << 20, 10, 100, SlowConsumerPolicy.coalesce), bp);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(publish(bp, "up/1", "progress", "e" + i, false));
        }
        assertEquals(10, hub.retainedEvents("up/1"));
        Subscription sub = hub.subscribe(StreamSelection.of("up/1"), events.get(9).id(), new RecordingSink()).subscription();
        List<StreamItem> got = drain(sub);
        assertEquals("reset:gap", data(got).get(0));
        assertEquals(List.of("up/1"), ((ResetNotice) got.get(0)).streams());
        assertEquals(11, got.size());
        assertEquals("e50", data(got).get(1));
        assertEquals("e59", data(got).get(10));
    }

    @Test
    void resumeWithinRetentionHasNoReset() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(10, 1 << 20, 10, 100, SlowConsumerPolicy.coalesce), bp);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(publish(bp, "up/1", "progress", "e" + i, false));
        }
        Subscription sub = hub.subscribe(StreamSelection.of("up/1"), events.get(10).id(), new RecordingSink()).subscription();
        assertEquals(List.of("e11", "e12", "e13", "e14", "e15", "e16", "e17", "e18", "e19"), data(drain(sub)));
    }

    @Test
    void anotherEpochGetsAResetAndEverythingRetained() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(10, 1 << 20, 10, 100, SlowConsumerPolicy.coalesce), bp);
        publish(bp, "up/1", "progress", "a", false);
        Subscription sub = hub.subscribe(StreamSelection.of("up/1"), new EventId("zzzzzz", 5), new RecordingSink()).subscription();
        assertEquals(List.of("reset:epoch", "a"), data(drain(sub)));
    }

    @Test
    void maxBytesPerStreamDropsOldest() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(1000, 2000, 10, 100, SlowConsumerPolicy.coalesce), bp);
        for (int i = 0; i < 50; i++) {
            publish(bp, "up/1", "progress", "x".repeat(100), false);
        }
        assertTrue(hub.retainedBytes("up/1") <= 2000, "retained " + hub.retainedBytes("up/1"));
        assertTrue(hub.retainedEvents("up/1") < 50);
        assertTrue(hub.retainedEvents("up/1") >= 10);
    }

    @Test
    void maxEventAgeExpiresOldEventsButKeepsTheEnd() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = new Hub(new HubLimits(100, 1 << 20, 5_000, 10, 1_000_000, 100, SlowConsumerPolicy.coalesce), now::get, true);
        bp.start(hub);
        publish(bp, "up/1", "progress", "old", false);
        publish(bp, "up/2", "progress", "old", false);
        publish(bp, "up/2", "done", "end", true);
        now.addAndGet(6_000);
        publish(bp, "up/1", "progress", "new", false);
        hub.sweep();
        assertEquals(1, hub.retainedEvents("up/1"));
        assertEquals(1, hub.retainedEvents("up/2"), "the terminal event stays while the stream is kept");
    }

    @Test
    void completedStreamTtlDropsCompletedStreams() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(100, 1 << 20, 10, 100, SlowConsumerPolicy.coalesce), bp);
        publish(bp, "up/1", "done", "end", true);
        publish(bp, "up/2", "progress", "going", false);
        now.addAndGet(9_999);
        assertEquals(0, hub.sweep());
        now.addAndGet(1);
        assertEquals(1, hub.sweep());
        assertEquals(1, hub.streamCount());
        assertEquals(0, hub.retainedEvents("up/1"));
    }

    @Test
    void maxStreamsReclaimsCompletedStreamsThenRefusesWithAClearError() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(100, 1 << 20, 3, 100, SlowConsumerPolicy.coalesce), bp);
        publish(bp, "up/1", "done", "end", true);
        publish(bp, "up/2", "progress", "x", false);
        publish(bp, "up/3", "progress", "x", false);
        publish(bp, "up/4", "progress", "x", false);
        assertEquals(3, hub.streamCount());
        assertEquals(0, hub.retainedEvents("up/1"), "the completed stream made room");
        ProgressLimitExceededException e = assertThrows(ProgressLimitExceededException.class,
                () -> publish(bp, "up/5", "progress", "x", false));
        assertTrue(e.getMessage().contains("maxStreams=3"), e.getMessage());
        assertEquals(3, hub.streamCount());
        publish(bp, "up/2", "progress", "existing streams still take events", false);
    }

    @Test
    void slowSubscriberCoalescesToNewestPerStreamAndNameAndKeepsTerminal() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(10_000, 1 << 30, 10, 10, SlowConsumerPolicy.coalesce), bp);
        Subscription sub = hub.subscribe(StreamSelection.parse(List.of("up/*")), null, new RecordingSink()).subscription();
        for (int i = 0; i < 1000; i++) {
            publish(bp, "up/" + (i % 2), "progress", "p" + i, false);
            assertTrue(sub.pending() <= 10, "pending " + sub.pending());
        }
        publish(bp, "up/0", "done", "end0", true);
        for (int i = 0; i < 30; i++) {
            publish(bp, "up/1", "progress", "q" + i, false);
        }
        assertTrue(sub.pendingHighWater() <= 10);
        List<String> got = data(drain(sub));
        assertTrue(got.contains("end0"), got.toString());
        assertEquals("q29", got.get(got.size() - 1));
        assertTrue(sub.coalesced() > 900);
    }

    @Test
    void burstToASubscriberThatKeepsUpIsReadFromTheLogWhateverThePolicy() {
        for (SlowConsumerPolicy policy : SlowConsumerPolicy.values()) {
            LocalBackplane bp = new LocalBackplane(now::get);
            Hub hub = hub(limits(10_000, 1 << 30, 10, 10, policy), bp);
            RecordingSink sink = new RecordingSink();
            sink.backedUp = false;
            Subscription sub = hub.subscribe(StreamSelection.of("up/1"), null, sink).subscription();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                publish(bp, "up/1", "progress", "p" + i, false);
                expected.add("p" + i);
                assertTrue(sub.pending() <= 10, "pending " + sub.pending());
            }
            assertTrue(sub.lagging(), policy.name());
            assertEquals(0, sub.coalesced(), policy.name());
            assertFalse(sink.overflowed.get(), policy.name());
            assertEquals(expected, data(drain(sub)), policy.name());
            assertFalse(sub.lagging(), "live again once read to the end: " + policy);
        }
    }

    @Test
    void aBurstLongerThanRetentionLosesNothingQueuedBeforeTheConnectionWrites() {
        LocalBackplane bp = new LocalBackplane(now::get);
        // what a Kafka poll does: hands over more events at once than a stream retains
        Hub hub = hub(limits(100, 1L << 30, 10, 50, SlowConsumerPolicy.lag), bp);
        RecordingSink sink = new RecordingSink();
        sink.backedUp = false;
        Subscription sub = hub.subscribe(StreamSelection.of("up/1"), null, sink).subscription();
        for (int i = 0; i < 150; i++) {
            publish(bp, "up/1", "progress", "p" + i, false);
            assertTrue(sub.pending() <= 50, "pending " + sub.pending());
        }
        List<String> got = data(drain(sub));
        assertEquals(150, got.size(), "the 50 queued, then the 100 the log retains: " + got);
        assertEquals("p0", got.get(0));
        assertEquals("p149", got.get(149));
        assertEquals(0, sub.lagResets());
    }

    @Test
    void everySubscriberIsHandedTheSameEventSoEachEncodingIsMadeOnce() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(100, 1 << 20, 10, 10, SlowConsumerPolicy.lag), bp);
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            subs.add(hub.subscribe(StreamSelection.of("up/1"), null, new RecordingSink()).subscription());
        }
        Event published = publish(bp, "up/1", "progress", "{\"percent\":1}", false);
        for (Subscription sub : subs) {
            List<StreamItem> got = drain(sub);
            assertEquals(1, got.size());
            assertSame(published, got.get(0), "the hub's own event, not a copy");
            assertSame(published.webSocketFrame(), got.get(0).webSocketFrame(), "one WebSocket frame for all");
            assertSame(published.sseChunk(), ((Event) got.get(0)).sseChunk(), "one SSE chunk for all");
        }
    }

    @Test
    void laggingSubscriberGetsEveryRetainedEventLateAndInOrderHoldingOnlyACursor() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(100_000, 1L << 40, 10, 10, SlowConsumerPolicy.lag), bp);
        Subscription sub = hub.subscribe(StreamSelection.of("up/1"), null, new RecordingSink()).subscription();
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            publish(bp, "up/1", "progress", "p" + i, false);
            assertTrue(sub.pending() <= 10, "pending " + sub.pending());
            if (i % 10 == 0) {
                // a reader ten times slower than the writer
                List<StreamItem> one = new ArrayList<>();
                sub.drainTo(one, 1);
                got.addAll(data(one));
            }
        }
        got.addAll(data(drain(sub)));
        assertEquals(50_000, got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals("p" + i, got.get(i));
        }
        assertEquals(0, sub.lagResets());
    }

    @Test
    void laggingSubscriberIsToldOfWhatPassedOutOfRetentionBeforeEachLoss() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(100, 1L << 40, 10, 10, SlowConsumerPolicy.lag), bp);
        Subscription sub = hub.subscribe(StreamSelection.parse(List.of("up/*")), null, new RecordingSink()).subscription();
        List<StreamItem> got = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            publish(bp, "up/" + (i % 2), "progress", Integer.toString(i), false);
            if (i % 10 == 0) {
                sub.drainTo(got, 1);
            }
        }
        publish(bp, "up/0", "done", "end", true);
        got.addAll(drain(sub));
        long expectedNext = 0;
        boolean told = false;
        int resets = 0;
        for (StreamItem item : got) {
            if (item instanceof ResetNotice reset) {
                assertEquals(ResetNotice.LAGGED, reset.reason());
                told = true;
                resets++;
                continue;
            }
            Event e = (Event) item;
            if (e.terminal()) {
                continue;
            }
            long n = Long.parseLong(e.data());
            assertTrue(n >= expectedNext, "in order, nothing twice: " + n);
            if (n > expectedNext) {
                assertTrue(told, "a reset precedes the loss of " + expectedNext + ".." + (n - 1));
            }
            told = false;
            expectedNext = n + 1;
        }
        assertEquals(4_999, expectedNext - 1, "ends with the newest event");
        assertEquals("end", data(got).get(got.size() - 1), "the terminal event is never lost");
        assertTrue(resets > 0 && resets == sub.lagResets(), "resets " + resets);
    }

    @Test
    void aBackedUpReaderCoalescedWhileCatchingUpIsToldOfWhatRetentionDroppedToo() {
        LocalBackplane bp = new LocalBackplane(now::get);
        // the log keeps fewer events than the reader may fall behind, so some leave it before the policy applies
        Hub hub = hub(limits(5, 1L << 30, 10, 10, SlowConsumerPolicy.coalesce), bp);
        Event first = publish(bp, "up/1", "progress", "first", false);
        publish(bp, "up/1", "progress", "second", false);
        // resumes from the first event: it starts reading the log, and its socket is backed up
        Subscription sub = hub.subscribe(StreamSelection.of("up/1"), first.id(), new RecordingSink()).subscription();
        for (int i = 0; i < 100; i++) {
            publish(bp, "up/1", "progress", "p" + i, false);
        }
        List<String> got = data(drain(sub));
        assertEquals("reset:lagged", got.get(0), "what left the log before it was read: " + got);
        assertTrue(got.contains("reset:coalesced"), got.toString());
        assertEquals("p99", got.get(got.size() - 1));
    }

    @Test
    void coalescingIsAnnouncedInTheStream() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(10_000, 1 << 30, 10, 10, SlowConsumerPolicy.coalesce), bp);
        Subscription sub = hub.subscribe(StreamSelection.of("up/1"), null, new RecordingSink()).subscription();
        for (int i = 0; i < 11; i++) {
            publish(bp, "up/1", "progress", "p" + i, false);
        }
        List<StreamItem> got = drain(sub);
        ResetNotice reset = (ResetNotice) got.get(0);
        assertEquals(ResetNotice.COALESCED, reset.reason());
        assertEquals(List.of("up/1"), reset.streams());
        assertEquals(List.of("reset:coalesced", "p10"), data(got));
    }

    @Test
    void slowSubscriberWithDisconnectPolicyIsClosed() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(10_000, 1 << 30, 10, 10, SlowConsumerPolicy.disconnect), bp);
        RecordingSink sink = new RecordingSink();
        Subscription sub = hub.subscribe(StreamSelection.of("up/1"), null, sink).subscription();
        for (int i = 0; i < 11; i++) {
            assertFalse(sink.overflowed.get());
            publish(bp, "up/1", "progress", "p" + i, false);
        }
        assertTrue(sink.overflowed.get());
        assertEquals(0, sub.pending());
    }

    @Test
    void coalescingThatCannotFreeEnoughDisconnects() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(10, 1 << 30, 100, 10, SlowConsumerPolicy.coalesce), bp);
        RecordingSink sink = new RecordingSink();
        hub.subscribe(StreamSelection.parse(List.of("up/*")), null, sink);
        for (int i = 0; i < 11; i++) {
            publish(bp, "up/" + i, "progress", "distinct streams cannot coalesce", false);
        }
        assertTrue(sink.overflowed.get());
    }

    @Test
    void subscriberOfAStreamWithNoEventsWaitsWithoutABuffer() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(10, 1 << 20, 10, 10, SlowConsumerPolicy.coalesce), bp);
        RecordingSink sink = new RecordingSink();
        Subscription sub = hub.subscribe(StreamSelection.of("up/later"), null, sink).subscription();
        assertEquals(0, hub.streamCount());
        assertEquals(0, sink.wakeups);
        publish(bp, "up/later", "progress", "first", false);
        assertEquals(1, sink.wakeups);
        assertEquals(List.of("first"), data(drain(sub)));
    }

    @Test
    void completedStreamBeforeTheCursorEndsAtOnce() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(10, 1 << 20, 10, 10, SlowConsumerPolicy.coalesce), bp);
        publish(bp, "up/1", "progress", "a", false);
        Event done = publish(bp, "up/1", "done", "end", true);
        SubscribeOutcome outcome = hub.subscribe(StreamSelection.of("up/1"), done.id(), new RecordingSink());
        assertTrue(outcome.ended());
        assertNull(outcome.subscription());
        Subscription fresh = hub.subscribe(StreamSelection.of("up/1"), null, new RecordingSink()).subscription();
        List<StreamItem> replay = drain(fresh);
        assertEquals(List.of("a", "end"), data(replay));
        assertTrue(fresh.delivered((Event) replay.get(1)));
    }

    @Test
    void multiStreamReplayIsInIdOrder() {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(10, 1 << 20, 10, 10, SlowConsumerPolicy.coalesce), bp);
        Event a1 = publish(bp, "a", "progress", "a1", false);
        publish(bp, "b/1", "progress", "b1", false);
        publish(bp, "a", "progress", "a2", false);
        publish(bp, "c/9", "progress", "c9", false);
        publish(bp, "b/2", "progress", "b2", false);
        Subscription sub = hub.subscribe(StreamSelection.parse(List.of("a", "b/*")), a1.id(), new RecordingSink()).subscription();
        assertEquals(List.of("b1", "a2", "b2"), data(drain(sub)));
    }

    @Test
    void resumeOlderThanMemoryIsFilledFromTheReplaySourceAheadOfLiveEvents() throws Exception {
        LocalBackplane bp = new LocalBackplane(now::get);
        Hub hub = hub(limits(5, 1 << 20, 10, 100, SlowConsumerPolicy.coalesce), bp);
        List<Event> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(publish(bp, i % 2 == 0 ? "up/even" : "up/odd", "progress", "e" + i, false));
        }
        List<Thread> readers = new ArrayList<>();
        hub.history(1, (selection, after, upTo, target) -> {
            Thread reader = new Thread(() -> {
                try {
                    for (Event e : all) {
                        if (e.sequence() > after && e.sequence() <= upTo && selection.matches(e.stream()) && !target.offer(e)) {
                            return;
                        }
                    }
                    target.done();
                } catch (InterruptedException e) {
                    target.failed(e);
                }
            });
            readers.add(reader);
            reader.start();
        });
        Subscription sub = hub.subscribe(StreamSelection.of("up/even"), all.get(3).id(), new RecordingSink()).subscription();
        publish(bp, "up/even", "progress", "live", false);
        readers.get(0).join(5000);
        List<String> got = data(drain(sub));
        List<String> expected = new ArrayList<>();
        for (int i = 4; i < 30; i += 2) {
            expected.add("e" + i);
        }
        expected.add("live");
        assertEquals(expected, got, "history from the source, then live, nothing twice");
    }
}
