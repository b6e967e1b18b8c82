package io.camelprogress.management;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.camelprogress.backplane.Backplane;
import io.camelprogress.backplane.BackplaneStatus;
import io.camelprogress.backplane.LocalBackplane;
import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.hub.EventLog;
import io.camelprogress.hub.Hub;
import io.camelprogress.hub.HubLimits;
import io.camelprogress.hub.SlowConsumerPolicy;
import io.camelprogress.transport.TransportMetrics;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Readiness follows the host and the backplane; liveness stays up and tells of the connection. */
class ProgressHealthCheckTest {

    private final AtomicBoolean serving = new AtomicBoolean();
    private final AtomicReference<BackplaneStatus> status = new AtomicReference<>(
            new BackplaneStatus(false, false, "rebuilding memory from topic t", -1, -1, 0));

    /** The local backplane, reporting the status the test sets: what the health check reads of any backplane. */
    private final Backplane backplane = new Backplane() {
        private final LocalBackplane local = new LocalBackplane(System::currentTimeMillis);

        @Override
        public void start(EventLog hub) throws Exception {
            local.start(hub);
        }

        @Override
        public CompletionStage<Event> publish(EventDraft draft) {
            return local.publish(draft);
        }

        @Override
        public BackplaneStatus status() {
            return status.get();
        }

        @Override
        public void stop() throws Exception {
            local.stop();
        }
    };

    private final ProgressHealthCheck check = new ProgressHealthCheck(new ProgressView("progress",
            new Hub(new HubLimits(10, 1000, 60_000, 10, 60_000, 10, SlowConsumerPolicy.lag), System::currentTimeMillis, true),
            new TransportMetrics(), backplane, serving::get, () -> "here", Map.of()));

    private HealthCheck.Result readiness() {
        return check.call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS));
    }

    private HealthCheck.Result liveness() {
        return check.call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.LIVENESS));
    }

    @Test
    void readyOnceServingAndRebuiltThenDownWithTheReasonOnAnOutage() {
        assertEquals(HealthCheck.State.DOWN, readiness().getState());
        assertEquals("The HTTP host is not serving yet", readiness().getMessage().orElseThrow());
        serving.set(true);
        assertEquals(HealthCheck.State.DOWN, readiness().getState());
        assertEquals("Backplane: rebuilding memory from topic t", readiness().getMessage().orElseThrow());

        status.set(new BackplaneStatus(true, true, null, 42, 0, 0));
        assertEquals(HealthCheck.State.UP, readiness().getState());
        assertEquals(HealthCheck.State.UP, liveness().getState());
        assertNull(liveness().getMessage().orElse(null));

        status.set(new BackplaneStatus(false, false, "no connection to a broker of topic t", 42, -1, 3));
        assertEquals(HealthCheck.State.DOWN, readiness().getState());
        assertEquals("Backplane: no connection to a broker of topic t", readiness().getMessage().orElseThrow());
        assertEquals(HealthCheck.State.UP, liveness().getState(), "a restart would not bring the broker back");
        assertEquals("Backplane: no connection to a broker of topic t", liveness().getMessage().orElseThrow());
        assertEquals(false, liveness().getDetails().get("progress.backplane.connected"));
    }
}
