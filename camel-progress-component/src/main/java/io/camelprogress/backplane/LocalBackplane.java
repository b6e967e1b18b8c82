package io.camelprogress.backplane;

import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import io.camelprogress.hub.EventLog;

/**
 * The single-node backplane: one monotonic sequence, and an epoch chosen at start so that a client
 * holding an id from before a restart is detected and told with a {@code reset}.
 */
public final class LocalBackplane implements Backplane {

    private final LongSupplier clock;
    private EventLog hub;
    private String epoch;
    private EventId last;

    public LocalBackplane(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void start(EventLog hub) {
        this.hub = hub;
        this.epoch = newEpoch();
        this.last = new EventId(epoch, 0);
        hub.epoch(epoch);
    }

    /** Six base-36 characters from a secure random source: restarts get different epochs. */
    static String newEpoch() {
        long bits = new SecureRandom().nextLong() & Long.MAX_VALUE;
        String text = Long.toString(bits % 2_176_782_336L, 36);
        return "000000".substring(text.length()) + text;
    }

    @Override
    public CompletionStage<Event> publish(EventDraft draft) {
        try {
            return CompletableFuture.completedFuture(accept(draft));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Ids are given and events appended under one lock, so the hub sees them in id order. */
    private synchronized Event accept(EventDraft draft) {
        if (hub == null) {
            throw new IllegalStateException("The progress backplane is not started");
        }
        hub.reserve(draft.stream());
        last = last.next();
        Event event = new Event(last, draft, clock.getAsLong());
        hub.accept(event);
        return event;
    }

    @Override
    public synchronized void stop() {
        hub = null;
    }
}
