package io.camelprogress.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal in-process fan-out server for tests, speaking our server's three transports on
 * {@code GET /sub}: SSE (CRLF line ends on odd ids, to exercise the parser), WebSocket (JSON envelope
 * text frames, one ping after the handshake) and long-poll ({@code ?after=}, JSON answer). On
 * {@code /raw} WebSocket frames carry the bare message, as Nchan's do. {@code POST /pub} publishes
 * its body. It can leave one event out, or send a reset in its place, to show that the client sees it.
 */
final class TinyProgressServer implements AutoCloseable {

    /** What the server does with event number {@code index} (0-based). */
    record Fault(long index, boolean reset) {
        static final Fault NONE = new Fault(-1, false);
    }

    /** Log kept for long-poll; tests publish far fewer events than this. */
    private static final int MAX_LOG = 200_000;

    private final Vertx vertx = Vertx.vertx();
    private final List<HttpServerResponse> sseSubscribers = new ArrayList<>();
    private final List<ServerWebSocket> wsSubscribers = new ArrayList<>();
    private final List<ServerWebSocket> rawSubscribers = new ArrayList<>();
    private final List<HttpServerRequest> waitingPolls = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final AtomicInteger pongs = new AtomicInteger();
    private final HttpServer server;
    private final Fault fault;
    private long nextId;

    TinyProgressServer() throws Exception {
        this(Fault.NONE);
    }

    TinyProgressServer(Fault fault) throws Exception {
        this.fault = fault;
        server = vertx.createHttpServer().webSocketHandler(this::webSocket).requestHandler(request -> {
            if ("/sub".equals(request.path())) {
                subscribe(request);
            } else if ("/pub".equals(request.path())) {
                request.body().onSuccess(body -> {
                    publish(body.toString());
                    request.response().setStatusCode(202).end();
                });
            } else {
                request.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    int port() {
        return server.actualPort();
    }

    /** @return pongs received from WebSocket clients, one per answered ping */
    int pongs() {
        return pongs.get();
    }

    private void webSocket(ServerWebSocket ws) {
        List<ServerWebSocket> list = "/raw".equals(ws.path()) ? rawSubscribers : "/sub".equals(ws.path()) ? wsSubscribers : null;
        if (list == null) {
            ws.reject(404);
            return;
        }
        list.add(ws);
        ws.closeHandler(ignored -> list.remove(ws));
        ws.pongHandler(ignored -> pongs.incrementAndGet());
        ws.writePing(Buffer.buffer("hb"));
    }

    private void subscribe(HttpServerRequest request) {
        String accept = request.getHeader("Accept");
        if ("application/json".equals(accept) && request.params().contains("after")) {
            String after = request.getParam("after");
            long from = after.isEmpty() ? log.size() : Long.parseLong(after.substring(2)) + 1;
            if (from < log.size()) {
                answerPoll(request, from);
            } else {
                waitingPolls.add(request);
                request.connection().closeHandler(ignored -> waitingPolls.remove(request));
            }
            return;
        }
        if (!"text/event-stream".equals(accept)) {
            request.response().setStatusCode(403).end();
            return;
        }
        HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        response.write("retry: 1000\n\n");
        sseSubscribers.add(response);
        response.closeHandler(ignored -> sseSubscribers.remove(response));
    }

    private void publish(String body) {
        long id = nextId++;
        boolean skip = id == fault.index() && !fault.reset();
        boolean reset = id == fault.index() && fault.reset();
        String envelope = reset ? "{\"event\":\"reset\",\"data\":{\"streams\":[\"sub\"],\"reason\":\"lagged\"}}"
                : "{\"id\":\"e-" + id + "\",\"event\":\"progress\",\"stream\":\"sub\",\"data\":" + body + "}";
        if (log.size() < MAX_LOG) {
            log.add(skip ? null : envelope);
        }
        if (skip) {
            return;
        }
        String end = id % 2 == 0 ? "\n" : "\r\n";
        Buffer sse = Buffer.buffer(reset ? "event: reset" + end + "data: {\"streams\":[\"sub\"],\"reason\":\"lagged\"}" + end + end
                : "id: e-" + id + end + "event: progress" + end + ": c" + end + "data: " + body + end + end);
        sseSubscribers.forEach(s -> s.write(sse));
        wsSubscribers.forEach(ws -> ws.writeTextMessage(envelope));
        if (!reset) {
            rawSubscribers.forEach(ws -> ws.writeTextMessage(body));
        }
        List<HttpServerRequest> polls = new ArrayList<>(waitingPolls);
        waitingPolls.clear();
        polls.forEach(poll -> answerPoll(poll, id));
    }

    private void answerPoll(HttpServerRequest request, long from) {
        StringBuilder body = new StringBuilder("{\"events\":[");
        boolean first = true;
        long last = from - 1;
        for (long i = from; i < log.size(); i++) {
            String envelope = log.get((int) i);
            last = i;
            if (envelope != null) {
                body.append(first ? "" : ",").append(envelope);
                first = false;
            }
        }
        body.append("],\"lastEventId\":\"e-").append(last).append("\"}");
        request.response().putHeader("Content-Type", "application/json").end(body.toString());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
