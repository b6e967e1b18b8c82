package io.camelprogress.management;

import java.util.Map;

import io.camelprogress.backplane.BackplaneStatus;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Health check {@code progress}: readiness is down until the HTTP host serves and, with Kafka, until
 * the node has rebuilt its memory from the topic and can publish (a broker outage shows here with
 * its reason); liveness reports whether the backplane reaches its broker, and stays up while it does
 * not, since restarting the node would not bring the broker back. Camel Main's
 * {@code /observe/health}, Spring Boot's Actuator and Quarkus health show it.
 */
public final class ProgressHealthCheck implements HealthCheck {

    private final ProgressView view;
    private boolean enabled = true;

    public ProgressHealthCheck(ProgressView view) {
        this.view = view;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return view.name();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return true;
    }

    @Override
    public Result call(Map<String, Object> options) {
        boolean liveness = options != null && String.valueOf(options.get(CHECK_KIND)).equalsIgnoreCase("LIVENESS");
        BackplaneStatus backplane = view.backplane().status();
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        result.detail("progress.serving", view.serving().getAsBoolean());
        result.detail("progress.backplane.ready", backplane.ready());
        result.detail("progress.backplane.connected", backplane.connected());
        result.detail("progress.backplane.lag", backplane.lag());
        if (liveness) {
            // a restart does not bring a broker back: liveness tells of the connection but stays up
            return (backplane.connected() ? result.up() : result.up().message("Backplane: " + backplane.reason())).build();
        }
        if (!view.serving().getAsBoolean()) {
            return result.down().message("The HTTP host is not serving yet").build();
        }
        if (!backplane.ready()) {
            return result.down().message("Backplane: " + backplane.reason()).build();
        }
        return result.up().build();
    }
}
