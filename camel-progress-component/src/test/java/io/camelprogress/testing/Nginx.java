package io.camelprogress.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx, run as the test user on a loopback port in front of a server, with the
 * configuration the README documents ({@code docs/nginx/progress.conf}): only its ports and its
 * {@code proxy_read_timeout} are changed. Its pid, logs and temporary files are under {@code target/}.
 */
public final class Nginx implements AutoCloseable {

    /** The documented configuration, from the module's directory (where the tests run). */
    public static final Path DOCUMENTED = Path.of("..", "docs", "nginx", "progress.conf");
    private static final List<String> USUAL_PATHS = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx",
            "/usr/local/nginx/sbin/nginx");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path dir;
    private final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts nginx in front of {@code upstreamPort}.
     *
     * @param readTimeout the {@code proxy_read_timeout} to render, as nginx writes it ({@code 2s}), or null for the documented one
     */
    public static Nginx start(int upstreamPort, String readTimeout) throws Exception {
        Path binary = binary();
        int port = FreePort.find();
        Path dir = Files.createDirectories(Path.of("target", "nginx", "nginx-" + port).toAbsolutePath());
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Files.createDirectories(dir.resolve(temp));
        }
        String site = Files.readString(DOCUMENTED);
        site = replaceOnce(site, "server 127.0.0.1:8085;", "server 127.0.0.1:" + upstreamPort + ";");
        site = replaceOnce(site, "listen 80;", "listen 127.0.0.1:" + port + ";");
        site = replaceOnce(site, "access_log /var/log/nginx/camel-progress.log camel_progress;",
                "access_log " + dir.resolve("access.log") + " camel_progress;");
        if (readTimeout != null) {
            site = replaceOnce(site, "proxy_read_timeout 60s;", "proxy_read_timeout " + readTimeout + ";");
        }
        Files.writeString(dir.resolve("progress.conf"), site);
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " info;",
                "events { worker_connections 512; }",
                "http {",
                "    access_log " + dir.resolve("access.log") + ";",
                "    client_body_temp_path " + dir.resolve("client_body") + ";",
                "    proxy_temp_path " + dir.resolve("proxy") + ";",
                "    fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "    scgi_temp_path " + dir.resolve("scgi") + ";",
                "    include " + dir.resolve("progress.conf") + ";",
                "}", ""));
        // -e: the error log from the start, before the configuration is read (else /var/log/nginx, not the test user's)
        Process process = new ProcessBuilder(binary.toString(), "-e", dir.resolve("error.log").toString(), "-p", dir + "/",
                "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, dir, port);
        nginx.awaitListening(binary);
        return nginx;
    }

    private static String replaceOnce(String config, String documented, String rendered) {
        Matcher m = Pattern.compile(Pattern.quote(documented)).matcher(config);
        List<Integer> at = new ArrayList<>();
        while (m.find()) {
            at.add(m.start());
        }
        if (at.size() != 1) {
            throw new IllegalStateException(DOCUMENTED + " should say '" + documented + "' once, found " + at.size()
                                            + " times: the test renders the documented configuration by replacing it");
        }
        return config.replace(documented, rendered);
    }

    /**
     * nginx: {@code NGINX_BIN} when set, else the usual paths.
     *
     * @throws IllegalStateException naming what was looked for, when there is none
     */
    static Path binary() {
        String configured = System.getenv("NGINX_BIN");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("NGINX_BIN=" + configured + " is not an executable file");
            }
            return path;
        }
        for (String usual : USUAL_PATHS) {
            if (Files.isExecutable(Path.of(usual))) {
                return Path.of(usual);
            }
        }
        throw new IllegalStateException("No nginx found at " + USUAL_PATHS + " and NGINX_BIN is not set: run bin/install-test-tools"
                                        + " (it installs Debian's nginx), or set NGINX_BIN to your nginx");
    }

    private void awaitListening(Path binary) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(binary + " exited with " + process.exitValue() + " before listening: " + logs());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException(binary + " did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT + ": " + logs());
                }
                Thread.sleep(20);
            }
        }
    }

    /** What nginx wrote to its output and error log, for failure messages. */
    public String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("stdout.log", "error.log")) {
            Path log = dir.resolve(name);
            if (Files.exists(log)) {
                out.append('\n').append(name).append(":\n").append(Files.readString(log));
            }
        }
        return out.toString();
    }

    /** What nginx logged of the requests it passed on. */
    public String accessLog() throws IOException {
        Path log = dir.resolve("access.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public int port() {
        return port;
    }

    /** A URL through nginx, as in {@code http://127.0.0.1:PORT/progress/<pathAndQuery>}. */
    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + "/progress/" + pathAndQuery;
    }

    public String wsUrl(String pathAndQuery) {
        return "ws://127.0.0.1:" + port + "/progress/" + pathAndQuery;
    }

    @Override
    public void close() throws InterruptedException {
        // SIGTERM: nginx's fast shutdown, which closes its connections at once
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
