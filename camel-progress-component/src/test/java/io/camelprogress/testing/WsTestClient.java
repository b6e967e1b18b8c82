package io.camelprogress.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A WebSocket client for tests over the JDK's {@code java.net.http.WebSocket}: text frames as JSON, and the close code. */
public final class WsTestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final int capacity;
    /** Whether reading stopped because the test had {@link #capacity} messages to take. */
    private boolean starved;

    private WsTestClient(String url, Map<String, String> headers, int capacity) throws Exception {
        this.capacity = capacity;
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        socket = builder.buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        messages.add(JSON.readTree(text.toString()));
                    } catch (Exception e) {
                        closed.completeExceptionally(e);
                    }
                    text.setLength(0);
                }
                requestMore(ws);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.completeExceptionally(error);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    public static WsTestClient open(String url) throws Exception {
        return new WsTestClient(url, Map.of(), Integer.MAX_VALUE);
    }

    public static WsTestClient open(String url, Map<String, String> headers) throws Exception {
        return new WsTestClient(url, headers, Integer.MAX_VALUE);
    }

    /** Opens a client that asks for no more frames while {@code capacity} messages wait for the test, as a slow page does. */
    public static WsTestClient open(String url, int capacity) throws Exception {
        return new WsTestClient(url, Map.of(), capacity);
    }

    private synchronized void requestMore(WebSocket ws) {
        if (messages.size() < capacity) {
            ws.request(1);
        } else {
            starved = true;
        }
    }

    /** The next message, or an AssertionError when none comes in time. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (this) {
            if (starved && messages.size() < capacity) {
                starved = false;
                socket.request(1);
            }
        }
        if (message == null) {
            throw new AssertionError("No WebSocket message within " + timeout + (closed.isDone() ? " (closed: " + closed.getNow(-1) + ")" : ""));
        }
        return message;
    }

    public List<JsonNode> next(int n, Duration timeout) throws InterruptedException {
        List<JsonNode> got = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < n) {
            JsonNode message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("Got " + got.size() + " of " + n + " WebSocket messages: " + got);
            }
            got.add(message);
        }
        return got;
    }

    /** The message if one is queued now, else null. */
    public JsonNode poll() {
        return messages.poll();
    }

    public void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    public void sendBinary(byte[] bytes) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
    }

    /** The close code the server sent. */
    public int awaitClose(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
