package io.camelprogress.transport.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.camelprogress.transport.ConnectionLoop;
import io.camelprogress.transport.EventStreamOutput;
import io.camelprogress.transport.HostRequest;
import io.camelprogress.transport.WebSocketChannel;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A servlet request as {@link HostRequest}. Answers go out through async Servlet without blocking
 * (the request is put in async mode before {@code ProgressRequests} sees it, except a WebSocket
 * upgrade, which must stay a plain request until it is upgraded or refused).
 */
final class ServletHostRequest implements HostRequest {

    /**
     * The response buffer asked of the container, which may hold it as long as a stream is open:
     * Tomcat's own size, a quarter of Jetty's. Measured (benchmarks/README.md): at 1 KB Jetty writes
     * most batches past its buffer and flushes each apart, at twice the CPU per delivery.
     */
    private static final int RESPONSE_BUFFER_BYTES = 8192;

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final SerialLoop loop;
    private final OpenConnections open;
    private final List<Runnable> goneActions = new ArrayList<>(1);
    private Map<String, List<String>> query;
    private AsyncContext async;
    private ServletOutput output;
    private boolean answered;

    ServletHostRequest(HttpServletRequest request, HttpServletResponse response, SerialLoop loop, OpenConnections open) {
        this.request = request;
        this.response = response;
        this.loop = loop;
        this.open = open;
    }

    /** Puts the request in async mode; only on the container's thread, while it serves the request. */
    void startAsync() {
        if (async != null) {
            return;
        }
        if (!response.isCommitted()) {
            response.setBufferSize(RESPONSE_BUFFER_BYTES);
        }
        async = request.startAsync(request, response);
        // the transports keep their own time: a long-poll its timeout, a stream its heartbeats
        async.setTimeout(0);
        output = new ServletOutput(loop, async);
        open.add(output);
        output.onClosed(() -> open.remove(output));
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                output.containerDone();
                loop.execute(() -> closed());
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                output.containerDone();
                loop.execute(() -> closed());
            }

            @Override
            public void onError(AsyncEvent event) {
                output.containerDone();
                loop.execute(() -> closed());
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not started again
            }
        });
    }

    private void closed() {
        output.containerClosed();
        if (!goneActions.isEmpty()) {
            List<Runnable> actions = new ArrayList<>(goneActions);
            goneActions.clear();
            actions.forEach(Runnable::run);
        }
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        // below the context path and as sent, as Vert.x gives it: a stream name has nothing to decode, so an escape is refused
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    public String uri() {
        String queryString = request.getQueryString();
        return queryString == null ? request.getRequestURI() : request.getRequestURI() + "?" + queryString;
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public Iterable<Map.Entry<String, String>> headers() {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                all.add(Map.entry(name, value));
            }
        }
        return all;
    }

    @Override
    public List<String> params(String name) {
        if (query == null) {
            // the query alone: the container's getParameter would also read a form body
            query = decodeQuery(request.getQueryString());
        }
        return query.getOrDefault(name, List.of());
    }

    /** Decodes a query string; {@link URLDecoder} throws IllegalArgumentException on a malformed escape. */
    static Map<String, List<String>> decodeQuery(String queryString) {
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return decoded;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            decoded.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
        }
        return decoded;
    }

    @Override
    public String peerAddress() {
        String address = request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }

    @Override
    public ConnectionLoop loop() {
        return loop;
    }

    @Override
    public void addResponseHeader(String name, String value) {
        response.addHeader(name, value);
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        if (answered || (output != null && output.closed())) {
            return;
        }
        answered = true;
        startAsync();
        boolean ours = output.withResponse(() -> {
            response.setStatus(status);
            headers.forEach(response::setHeader);
            response.setContentLength(body.length);
        });
        if (!ours) {
            return;
        }
        // written in a turn of its own, so that closeConnection() right after still sets its header
        loop.execute(() -> {
            if (body.length > 0) {
                output.write(body);
            }
            output.end();
        });
    }

    @Override
    public EventStreamOutput openEventStream() {
        answered = true;
        startAsync();
        response.setStatus(200);
        response.setHeader("Content-Type", "text/event-stream; charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        if ("HTTP/1.1".equals(request.getProtocol())) {
            // the Servlet API cannot reset a connection: one that says so is closed when its stream ends, so
            // that a stream ended by policy does not leave the client on an idle connection
            response.setHeader("Connection", "close");
        }
        return new ServletEventStream(output);
    }

    @Override
    public void upgradeToWebSocket(Consumer<WebSocketChannel> accepted, Consumer<Throwable> failed) {
        answered = true;
        try {
            JakartaWebSockets.upgrade(request, response, loop, open, accepted, failed);
        } catch (Exception e) {
            answered = false;
            respond(501, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    "WebSocket is not available on this servlet container\n".getBytes(StandardCharsets.UTF_8));
            loop.execute(() -> failed.accept(e));
        }
    }

    @Override
    public void readBody(int max, Consumer<byte[]> body, Runnable tooLarge) {
        startAsync();
        ServletInputStream in;
        try {
            in = request.getInputStream();
        } catch (IOException e) {
            loop.execute(this::closed);
            return;
        }
        in.setReadListener(new BodyReader(in, max, body, tooLarge));
    }

    @Override
    public void onClientGone(Runnable action) {
        goneActions.add(action);
    }

    @Override
    public boolean finished() {
        return output != null && output.closed();
    }

    @Override
    public void closeConnection() {
        if (output == null) {
            return;
        }
        output.withResponse(() -> {
            if (!response.isCommitted()) {
                // the container closes a connection whose response says so
                response.setHeader("Connection", "close");
            }
        });
        if (output != null) {
            loop.execute(output::end);
        }
    }

    /** Reads a body on the container's threads, as it comes, up to its bound; hands it to the loop. */
    private final class BodyReader implements ReadListener {

        private final ServletInputStream in;
        private final int max;
        private final Consumer<byte[]> body;
        private final Runnable tooLarge;
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];
        private boolean over;

        BodyReader(ServletInputStream in, int max, Consumer<byte[]> body, Runnable tooLarge) {
            this.in = in;
            this.max = max;
            this.body = body;
            this.tooLarge = tooLarge;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!over && in.isReady() && !in.isFinished()) {
                int n = in.read(chunk);
                if (n < 0) {
                    return;
                }
                if (read.size() + n > max) {
                    over = true;
                    loop.execute(tooLarge);
                    return;
                }
                read.write(chunk, 0, n);
            }
        }

        @Override
        public void onAllDataRead() {
            if (!over) {
                byte[] bytes = read.toByteArray();
                loop.execute(() -> body.accept(bytes));
            }
        }

        @Override
        public void onError(Throwable t) {
            loop.execute(ServletHostRequest.this::closed);
        }
    }
}
