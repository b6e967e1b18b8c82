package io.camelprogress.testing;

import java.util.function.Consumer;

import io.camelprogress.component.ProgressComponent;
import org.apache.camel.CamelContext;

/** The progress component as tests register it: its own server on a free loopback port. */
public final class TestComponents {

    private TestComponents() {
    }

    public static ProgressComponent addProgress(CamelContext context, Consumer<ProgressComponent> configure) {
        ProgressComponent progress = new ProgressComponent();
        progress.setHost("127.0.0.1");
        progress.setPort(0);
        configure.accept(progress);
        context.addComponent("progress", progress);
        return progress;
    }
}
