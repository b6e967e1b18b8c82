package io.camelprogress.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A minimal in-process SSE fan-out server for tests: POST /pub sends its body as an event to every
 * open GET /sub, with CRLF line ends on odd ids to exercise the client's parser.
 */
final class TinySseServer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final List<HttpServerResponse> subscribers = new ArrayList<>();
    private final HttpServer server;
    private long nextId;

    TinySseServer() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> {
            if ("/sub".equals(request.path())) {
                if (!"text/event-stream".equals(request.getHeader("Accept"))) {
                    request.response().setStatusCode(403).end();
                    return;
                }
                HttpServerResponse response = request.response().setChunked(true)
                        .putHeader("Content-Type", "text/event-stream");
                response.write("retry: 1000\n\n");
                subscribers.add(response);
                response.closeHandler(ignored -> subscribers.remove(response));
            } else if ("/pub".equals(request.path())) {
                request.body().onSuccess(body -> {
                    long id = nextId++;
                    String end = id % 2 == 0 ? "\n" : "\r\n";
                    Buffer event = Buffer.buffer("id: e-" + id + end + "event: progress" + end + ": c" + end
                            + "data: " + body + end + end);
                    subscribers.forEach(s -> s.write(event));
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

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
