package io.camelprogress.bench.server;

import io.vertx.core.VertxOptions;
import org.apache.camel.main.Main;

/**
 * The benchmark server: Camel Main with platform-http, publishing every POST to
 * {@code /publish/bench} into {@code progress:bench}. Settings are in {@code application.properties}
 * and can be overridden with JVM system properties ({@code -Dcamel.server.port=…}).
 */
public final class BenchServer {

    private BenchServer() {
    }

    /**
     * Starts the server and runs until the process is stopped.
     *
     * @param args Camel Main arguments
     * @throws Exception if Camel cannot start
     */
    public static void main(String[] args) throws Exception {
        Main main = new Main();
        // platform-http creates its Vert.x from a VertxOptions bean when there is one: the native
        // epoll transport (netty-transport-native-epoll on the class path) is what a Linux deployment would use
        main.bind("vertxOptions", new VertxOptions().setPreferNativeTransport(true));
        main.configure().addRoutesBuilder(new BenchRoutes());
        main.run(args);
    }
}
