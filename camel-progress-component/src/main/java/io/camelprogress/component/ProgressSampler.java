package io.camelprogress.component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thins the events of a {@code payload=progress} endpoint per stream, so that a splitter over a
 * million lines sends about a hundred events, not a million: at most one per {@code step} of percent,
 * and, with an interval, at most one per interval (the latest is held and sent when the interval
 * ends). The first event of a stream, a change of stage or event name, and terminal events go at once
 * and supersede what was held. Holds state for at most {@code maxStreams} streams: past that the
 * least recently used one is forgotten (its held event sent first), and its next event counts as a
 * first.
 */
final class ProgressSampler {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressSampler.class);
    /** No step: events without a percent, and every event with step 0, are not thinned by step. */
    private static final long NO_BUCKET = Long.MIN_VALUE;

    /** What an event goes to: the backplane. */
    private final Function<EventDraft, CompletionStage<Event>> publisher;
    private final double step;
    private final long intervalMillis;
    private final int maxStreams;
    private final LongSupplier clock;
    /** Sends held events when their interval ends; null when there is no interval. */
    private final ScheduledExecutorService timer;
    /** Per stream, least recently used first; guarded by itself. */
    private final Map<String, StreamState> states;

    /**
     * @param step           percent between two events of a stream; 0 for no step
     * @param intervalMillis the least time between two events of a stream; 0 for no interval
     * @param maxStreams     streams whose state is held at most
     * @param timer          sends held events; may be null when {@code intervalMillis} is 0
     */
    ProgressSampler(Function<EventDraft, CompletionStage<Event>> publisher, double step, long intervalMillis,
                    int maxStreams, LongSupplier clock, ScheduledExecutorService timer) {
        requireValid(step, intervalMillis);
        if (maxStreams < 1) {
            throw new IllegalArgumentException("The sampler needs room for at least one stream, not " + maxStreams);
        }
        if (intervalMillis > 0 && timer == null) {
            throw new IllegalArgumentException("progressInterval needs a timer");
        }
        this.publisher = publisher;
        this.step = step;
        this.intervalMillis = intervalMillis;
        this.maxStreams = maxStreams;
        this.clock = clock;
        this.timer = timer;
        this.states = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Refuses a step outside 0..100 and a negative interval, naming the option. */
    static void requireValid(double step, long intervalMillis) {
        if (!(step >= 0 && step <= 100)) {
            throw new IllegalArgumentException("progressStep must be between 0 and 100, not " + step);
        }
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("progressInterval must not be negative, not " + intervalMillis + " ms");
        }
    }

    /** Whether this sampler can drop or hold anything; with step and interval both 0 every event goes. */
    static boolean thins(double step, long intervalMillis) {
        return step > 0 || intervalMillis > 0;
    }

    /**
     * Sends the event now, or holds it, or drops it.
     *
     * @param  draft the event, asked for only when it is sent or held
     * @return       the backplane's acceptance of the event when it was sent now; null when it was
     *               dropped or is held
     */
    CompletionStage<Event> offer(ProgressReading reading, String eventName, boolean terminal, Supplier<EventDraft> draft) {
        if (terminal) {
            StreamState ended;
            synchronized (states) {
                ended = states.remove(reading.stream());
            }
            if (ended == null) {
                return publisher.apply(draft.get());
            }
            synchronized (ended) {
                ended.dropHeld();
                return publisher.apply(draft.get());
            }
        }
        StreamState state = stateOf(reading.stream());
        synchronized (state) {
            long bucket = bucketOf(reading.percent());
            boolean changed = state.fresh || !Objects.equals(state.stage, reading.stage()) || !state.eventName.equals(eventName);
            if (!changed && bucket != NO_BUCKET && bucket == state.bucket) {
                // a step already sent (or held) for this stream
                return null;
            }
            state.fresh = false;
            state.stage = reading.stage();
            state.eventName = eventName;
            state.bucket = bucket;
            long now = clock.getAsLong();
            if (changed || intervalMillis == 0 || now - state.sentAt >= intervalMillis) {
                state.dropHeld();
                state.sentAt = now;
                return publisher.apply(draft.get());
            }
            state.held = draft.get();
            if (state.flush == null) {
                state.flush = timer.schedule(() -> flush(state), state.sentAt + intervalMillis - now, TimeUnit.MILLISECONDS);
            }
            return null;
        }
    }

    /** The percent step an event falls in. */
    private long bucketOf(Double percent) {
        if (percent == null || step == 0) {
            return NO_BUCKET;
        }
        // the percent is already rounded to a tenth, as clients see it; the epsilon keeps 0.3/0.1 at 3
        return (long) Math.floor(percent / step + 1e-9);
    }

    private StreamState stateOf(String stream) {
        List<StreamState> evicted = new ArrayList<>(1);
        StreamState state;
        synchronized (states) {
            state = states.get(stream);
            if (state == null) {
                state = new StreamState();
                states.put(stream, state);
                Iterator<StreamState> eldest = states.values().iterator();
                while (states.size() > maxStreams) {
                    evicted.add(eldest.next());
                    eldest.remove();
                }
            }
        }
        evicted.forEach(this::flush);
        return state;
    }

    /** Sends what a stream holds, if anything. */
    private void flush(StreamState state) {
        synchronized (state) {
            EventDraft held = state.held;
            state.cancelFlush();
            if (held == null) {
                return;
            }
            state.held = null;
            state.sentAt = clock.getAsLong();
            publisher.apply(held).whenComplete((event, error) -> {
                if (error != null) {
                    LOG.warn("A held progress event of stream {} could not be published: {}", held.stream(), error.toString());
                }
            });
        }
    }

    /** Sends every held event: the endpoint stops. */
    void flushAll() {
        List<StreamState> all;
        synchronized (states) {
            all = new ArrayList<>(states.values());
            states.clear();
        }
        all.forEach(this::flush);
    }

    /** Streams whose state is held. */
    int streams() {
        synchronized (states) {
            return states.size();
        }
    }

    /** Whether this stream's state is held (it has sent an event and has not ended since). */
    boolean tracks(String stream) {
        synchronized (states) {
            return states.containsKey(stream);
        }
    }

    /** What the sampler remembers of one stream; guarded by itself. */
    private static final class StreamState {
        boolean fresh = true;
        String stage;
        String eventName = "";
        long bucket = NO_BUCKET;
        long sentAt;
        EventDraft held;
        ScheduledFuture<?> flush;

        /** A newer event supersedes the held one: latest wins. */
        void dropHeld() {
            held = null;
            cancelFlush();
        }

        void cancelFlush() {
            if (flush != null) {
                flush.cancel(false);
                flush = null;
            }
        }
    }
}
