package io.camelprogress.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real headless Chromium driven over the DevTools protocol with the JDK's WebSocket client: open a
 * page, evaluate JavaScript in it (awaiting promises), watch its requests, hand a file to an input,
 * take a screenshot, close. Only loopback is used.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> USUAL_PATHS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium");

    private final Process process;
    private final Path profile;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** A request the page made: an HTTP request (XHR, fetch, EventSource, document) or a WebSocket. */
    public record Request(long nanoTime, String type, String method, String url) {
    }

    private HeadlessChromium(Process process, Path profile, WebSocket page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
    }

    /**
     * The browser: {@code CHROME_BIN} when set, else Chromium or Chrome at the usual paths.
     *
     * @throws IllegalStateException naming what was looked for, when there is none
     */
    public static Path binary() {
        String configured = System.getenv("CHROME_BIN");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("CHROME_BIN=" + configured + " is not an executable file");
            }
            return path;
        }
        for (String candidate : USUAL_PATHS) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("No Chrome or Chromium found at " + USUAL_PATHS + " and CHROME_BIN is not set: "
                                        + "run bin/install-test-tools (it installs Debian's chromium), or set CHROME_BIN to your browser");
    }

    /** Starts Chromium and opens {@code url} in a new page. */
    public static HeadlessChromium open(String url) throws Exception {
        Path binary = binary();
        Path profile = Files.createTempDirectory("chromium-profile");
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--remote-allow-origins=*", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--window-size=1280,900", "--hide-scrollbars", "--user-data-dir=" + profile,
                "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                String output = Files.exists(log) ? Files.readString(log) : "";
                throw new IllegalStateException(binary + " did not start (it has to open its DevTools port within 30 s); its output:\n"
                                                + output.substring(Math.max(0, output.length() - 2000)));
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String wsUrl = JSON.readTree(created.body()).get("webSocketDebuggerUrl").asText();
        HeadlessChromium[] self = new HeadlessChromium[1];
        CompletableFuture<Void> ready = new CompletableFuture<>();
        WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(wsUrl), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String message = text.toString();
                    text.setLength(0);
                    ready.join();
                    self[0].onMessage(message);
                }
                socket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        self[0] = new HeadlessChromium(process, profile, ws);
        ready.complete(null);
        // watching the network from before the navigation, so the page's first requests are seen too
        self[0].command("Network.enable", JSON.createObjectNode());
        self[0].command("Page.enable", JSON.createObjectNode());
        self[0].command("Page.navigate", JSON.createObjectNode().put("url", url));
        self[0].awaitLoaded();
        return self[0];
    }

    private void onMessage(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            } else {
                String method = message.path("method").asText();
                JsonNode params = message.path("params");
                if (method.equals("Network.requestWillBeSent")) {
                    requests.add(new Request(System.nanoTime(), params.path("type").asText(),
                            params.path("request").path("method").asText(), params.path("request").path("url").asText()));
                } else if (method.equals("Network.webSocketCreated")) {
                    requests.add(new Request(System.nanoTime(), "WebSocket", "GET", params.path("url").asText()));
                }
            }
        } catch (IOException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    /** Sends a DevTools command and returns its result. */
    public JsonNode command(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        page.sendText(JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
        JsonNode result = reply.get(60, TimeUnit.SECONDS);
        if (result.has("error")) {
            throw new AssertionError(method + " failed: " + result);
        }
        return result.path("result");
    }

    /** Evaluates a JavaScript expression in the page, awaiting it if it is a promise, and returns its JSON value. */
    public JsonNode evaluate(String expression, Duration timeout) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", "Runtime.evaluate");
        command.putObject("params").put("expression", expression).put("awaitPromise", true).put("returnByValue", true);
        page.sendText(JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
        JsonNode result = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (result.has("error") || result.path("result").has("exceptionDetails")) {
            throw new AssertionError("JavaScript failed: " + result);
        }
        return result.path("result").path("result").path("value");
    }

    /** Waits until the page has loaded; until then it has no context to evaluate in. */
    private void awaitLoaded() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                // about:blank is complete too, until the navigation to the page commits
                if (evaluate("document.readyState === 'complete' && location.protocol.startsWith('http') && !window.__reloading",
                        Duration.ofSeconds(10)).asBoolean()) {
                    return;
                }
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The page did not load within 30 s");
            }
            Thread.sleep(50);
        }
    }

    /** Reloads the page and waits until the new document has loaded. */
    public void reload() throws Exception {
        evaluate("window.__reloading = true", Duration.ofSeconds(10));
        command("Page.reload", JSON.createObjectNode());
        awaitLoaded();
    }

    /** Polls a JavaScript condition until it is true. */
    public void awaitTrue(String condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!evaluate("Boolean(" + condition + ")", Duration.ofSeconds(10)).asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + condition);
            }
            Thread.sleep(50);
        }
    }

    /** Hands a file to an {@code <input type=file>}, as a user picking it would, and fires its change event. */
    public void setInputFile(String selector, Path file) throws Exception {
        JsonNode document = command("DOM.getDocument", JSON.createObjectNode());
        ObjectNode query = JSON.createObjectNode().put("nodeId", document.path("root").path("nodeId").asInt()).put("selector", selector);
        int node = command("DOM.querySelector", query).path("nodeId").asInt();
        if (node == 0) {
            throw new AssertionError("No element matches " + selector);
        }
        ObjectNode params = JSON.createObjectNode().put("nodeId", node);
        params.putArray("files").add(file.toAbsolutePath().toString());
        command("DOM.setFileInputFiles", params);
    }

    /** Limits the page's upload speed, so that an upload over loopback takes long enough to be seen. */
    public void throttleUpload(long bytesPerSecond) throws Exception {
        command("Network.emulateNetworkConditions", JSON.createObjectNode().put("offline", false).put("latency", 0)
                .put("downloadThroughput", -1).put("uploadThroughput", bytesPerSecond));
    }

    /** Saves a PNG of the page. */
    public void screenshot(Path file) throws Exception {
        JsonNode shot = command("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** The requests the page made so far, in order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        page.abort();
        // Chromium's renderer and network processes outlive the browser process for a moment and
        // go on writing into the profile: they are stopped and awaited before it is deleted
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                child.destroyForcibly();
            }
        }
        deleteProfile();
    }

    /** Deletes the profile; a file that vanishes meanwhile is no failure, one that stays is left in the temporary directory. */
    private void deleteProfile() throws IOException {
        for (int attempt = 0; attempt < 3 && Files.exists(profile); attempt++) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException | NoSuchFileException e) {
                // a file went away while the tree was read: read it again
            }
        }
    }
}
