package io.camelprogress.bench.server;

import io.vertx.core.VertxOptions;
import org.apache.camel.main.Main;

/**
 * The benchmark server: Camel Main with platform-http, publishing every POST to
 * {@code /publish/bench} into {@code progress:bench}. Settings are in {@code application.properties}
 * and can be overridden with JVM system properties ({@code -Dcamel.server.port=…}).
 *
 * <p>{@code -Dbench.transport=epoll} (the default) runs Vert.x on the native epoll transport;
 * {@code -Dbench.transport=nio} binds no Vert.x options at all, which is what an application gets
 * that does not configure Vert.x: the JDK's NIO selector.
 */
public final class BenchServer {

    /** System property choosing the network transport: epoll or nio. */
    public static final String TRANSPORT_PROPERTY = "bench.transport";

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
        String transport = System.getProperty(TRANSPORT_PROPERTY, "epoll");
        switch (transport) {
            // platform-http creates its Vert.x from a VertxOptions bean when there is one: the native
            // epoll transport (netty-transport-native-epoll on the class path) is what a tuned Linux deployment uses
            case "epoll" -> main.bind("vertxOptions", new VertxOptions().setPreferNativeTransport(true));
            case "nio" -> {
                // a user's application binds nothing, and Vert.x stays on NIO even with epoll on the class path
            }
            default -> throw new IllegalArgumentException("-D" + TRANSPORT_PROPERTY + " must be epoll or nio: " + transport);
        }
        main.configure().addRoutesBuilder(new BenchRoutes());
        main.run(args);
    }
}
