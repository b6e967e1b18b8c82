package io.camelprogress.examples.timer;

import org.apache.camel.main.Main;

/** Starts the demo: Camel Main with the platform-http server on port 8080 (see application.properties). */
public final class TimerDemo {

    private TimerDemo() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(TimerDemo.class);
        main.run(args);
    }
}
