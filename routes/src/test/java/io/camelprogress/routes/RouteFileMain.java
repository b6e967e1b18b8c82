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
 * routes module's directory, not a copy), serving on the loopback address: on the platform-http
 * server when camel-platform-http-main is on the classpath, else on the component's own server
 * (the Camel 4.22 run, where that module is not served).
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
            Path path = Path.of(System.getProperty("routes.dir", ".")).resolve(file.trim()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("No route file " + path);
            }
            pattern.append(pattern.length() == 0 ? "" : ",").append("file:").append(path);
        }
        int port = freePort();
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", pattern.toString());
        if (hasPlatformHttpMain()) {
            main.addInitialProperty("camel.server.enabled", "true");
            main.addInitialProperty("camel.server.host", "127.0.0.1");
            main.addInitialProperty("camel.server.port", Integer.toString(port));
        } else {
            main.addInitialProperty("camel.component.progress.host", "127.0.0.1");
            main.addInitialProperty("camel.component.progress.port", Integer.toString(port));
        }
        properties.forEach(main::addInitialProperty);
        main.start();
        return new RouteFileMain(main, port);
    }

    private static boolean hasPlatformHttpMain() {
        try {
            Class.forName("org.apache.camel.component.platform.http.main.MainHttpServer");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
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

    /** A free port on the loopback address. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
