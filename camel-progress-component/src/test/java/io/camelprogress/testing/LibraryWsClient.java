package io.camelprogress.testing;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The independent WebSocket client of the tests (Java-WebSocket from Maven Central, not the JDK's):
 * text frames as JSON, and the close code.
 */
public final class LibraryWsClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String> frames;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocketClient client;
    private volatile boolean closing;

    private LibraryWsClient(String url, int capacity, SSLContext tls) {
        frames = new LinkedBlockingQueue<>(capacity);
        client = new WebSocketClient(URI.create(url)) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                try {
                    // holds the client's reading thread, so the socket backs up as a slow page's does
                    while (!closing && !frames.offer(message, 50, TimeUnit.MILLISECONDS)) {
                        // full
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                closed.complete(code);
            }

            @Override
            public void onError(Exception e) {
                closed.completeExceptionally(e);
            }
        };
        if (tls != null) {
            client.setSocketFactory(tls.getSocketFactory());
        }
    }

    /**
     * Connects. A short replay can open, deliver and close before the handshake wait returns: that
     * counts as connected when frames arrived.
     */
    public static LibraryWsClient open(String url) throws InterruptedException {
        return open(url, Integer.MAX_VALUE);
    }

    /** Connects a client that stops reading while {@code capacity} frames wait for the test. */
    public static LibraryWsClient open(String url, int capacity) throws InterruptedException {
        return open(url, capacity, null);
    }

    /** Connects over TLS ({@code wss:}) with the client context given. */
    public static LibraryWsClient open(String url, SSLContext tls) throws InterruptedException {
        return open(url, Integer.MAX_VALUE, tls);
    }

    private static LibraryWsClient open(String url, int capacity, SSLContext tls) throws InterruptedException {
        LibraryWsClient ws = new LibraryWsClient(url, capacity, tls);
        if (!ws.client.connectBlocking(10, TimeUnit.SECONDS) && ws.frames.isEmpty()) {
            throw new AssertionError("Java-WebSocket client did not connect to " + url
                                     + (ws.closed.isDone() ? " (closed: " + ws.closed.getNow(-1) + ")" : ""));
        }
        return ws;
    }

    /** The next frame as JSON, or an AssertionError when none comes in time. */
    public JsonNode next(Duration timeout) throws Exception {
        String text = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new AssertionError("No frame within " + timeout);
        }
        return JSON.readTree(text);
    }

    /** Sends a text frame. */
    public void send(String text) {
        client.send(text);
    }

    /** The close code the server sent. */
    public int awaitClose(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        client.closeBlocking();
    }
}
