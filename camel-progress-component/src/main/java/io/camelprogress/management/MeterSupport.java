package io.camelprogress.management;

import org.apache.camel.CamelContext;

/**
 * Binds the meters only when Micrometer is on the class path, so that an application without it
 * needs nothing and loads none of its classes.
 */
public final class MeterSupport {

    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private MeterSupport() {
    }

    /**
     * @return what removes the meters again, or null when there is no Micrometer or no registry
     */
    public static Runnable bindIfPresent(CamelContext context, ProgressView view) {
        if (context.getClassResolver().resolveClass(METER_REGISTRY) == null) {
            return null;
        }
        ProgressMeters meters = ProgressMeters.bindToRegistryOf(context, view);
        return meters == null ? null : meters::unbind;
    }
}
