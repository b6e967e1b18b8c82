package io.camelprogress.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelprogress.backplane.LocalBackplane;
import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.event.StreamItem;
import io.camelprogress.hub.Hub;
import io.camelprogress.hub.HubLimits;
import io.camelprogress.hub.SlowConsumerPolicy;
import io.camelprogress.hub.StreamSelection;
import io.camelprogress.hub.Subscription;
import io.camelprogress.hub.SubscriptionSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hub's fan-out path: one event published (id, log append) and offered to every subscriber of
 * its stream, each of which a connection drains as it would on its event loop. Per operation: one
 * event delivered to {@code subscribers} queues, without sockets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HubFanoutBenchmark {

    @Param({ "0", "1", "1000" })
    public int subscribers;

    private LocalBackplane backplane;
    private EventDraft draft;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<StreamItem> drained = new ArrayList<>();

    /** A connection that drains when woken, as an event loop would, but writes nowhere. */
    private final class DrainingSink implements SubscriptionSink {
        Subscription subscription;

        @Override
        public void wakeup() {
            if (subscription != null) {
                drained.clear();
                subscription.drainTo(drained, 256);
            }
        }

        @Override
        public void overflowed() {
            throw new IllegalStateException("a draining subscriber never overflows");
        }

        @Override
        public void disconnect() {
        }
    }

    @Setup
    public void setUp() {
        Hub hub = new Hub(new HubLimits(1000, 1 << 20, 3_600_000, 10, 300_000, 1000, SlowConsumerPolicy.coalesce),
                System::currentTimeMillis, false);
        backplane = new LocalBackplane(System::currentTimeMillis);
        backplane.start(hub);
        for (int i = 0; i < subscribers; i++) {
            DrainingSink sink = new DrainingSink();
            sink.subscription = hub.subscribe(StreamSelection.of("bench"), null, sink).subscription();
            subscriptions.add(sink.subscription);
        }
        draft = new EventDraft("bench", "progress", "{\"l\":0,\"seq\":1,\"t\":123456789,\"p\":\"" + "x".repeat(60) + "\"}", false, false);
    }

    @Benchmark
    public Event publishAndFanOut() {
        Event event = backplane.publish(draft).toCompletableFuture().join();
        if (subscribers > 0) {
            // the bytes every subscriber is written, encoded once by the first connection that writes
            event.sse();
        }
        return event;
    }
}
