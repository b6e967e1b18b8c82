package io.camelprogress.routes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import org.apache.camel.main.Main;

/**
 * One route file of this module run by Camel Main as a user runs it (the file itself, from the
 * module's directory, not a copy), serving on a platform-http port on the loopback address.
 */
final class RouteFileMain implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Main main;
    private final int port;

    private RouteFileMain(Main main, int port) {
        this.main = main;
        this.port = port;
    }

    /**
     * Starts Camel Main on the route files (paths relative to the module, as in
     * {@code file-progress.camel.yaml}; several comma-separated) with these properties.
     */
    static RouteFileMain start(String routeFiles, Map<String, String> properties) throws Exception {
        StringBuilder pattern = new StringBuilder();
        for (String file : routeFiles.split(",")) {
            Path path = Path.of(file.trim()).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("No route file " + path);
            }
            pattern.append(pattern.length() == 0 ? "" : ",").append("file:").append(path);
        }
        int port = freePort();
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", pattern.toString());
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        properties.forEach(main::addInitialProperty);
        main.start();
        return new RouteFileMain(main, port);
    }

    Main main() {
        return main;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    BlockingQueue<String> subscribe(String path) throws Exception {
        return SseLines.subscribe(HTTP, uri(path));
    }

    @Override
    public void close() {
        main.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
