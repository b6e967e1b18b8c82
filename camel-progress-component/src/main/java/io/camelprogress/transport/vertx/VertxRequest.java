package io.camelprogress.transport.vertx;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.camelprogress.transport.ConnectionLoop;
import io.camelprogress.transport.EventStreamOutput;
import io.camelprogress.transport.HostRequest;
import io.camelprogress.transport.WebSocketChannel;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/** A Vert.x request as {@link HostRequest}. */
final class VertxRequest implements HostRequest {

    private final HttpServerRequest request;
    private final ConnectionLoop loop;

    VertxRequest(HttpServerRequest request, ConnectionLoop loop) {
        this.request = request;
        this.loop = loop;
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String path() {
        return request.path();
    }

    @Override
    public String uri() {
        return request.uri();
    }

    @Override
    public String header(String name) {
        String value = request.getHeader(name);
        if (value == null && "Host".equalsIgnoreCase(name) && request.authority() != null) {
            // HTTP/2 carries the host as :authority, which Vert.x keeps out of the headers
            return request.authority().toString();
        }
        return value;
    }

    @Override
    public Iterable<Map.Entry<String, String>> headers() {
        return request.headers();
    }

    @Override
    public List<String> params(String name) {
        // Vert.x decodes the query on first use and throws IllegalArgumentException on a malformed escape
        return request.params().getAll(name);
    }

    @Override
    public String peerAddress() {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    @Override
    public ConnectionLoop loop() {
        return loop;
    }

    @Override
    public void addResponseHeader(String name, String value) {
        request.response().headers().add(name, value);
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status);
        headers.forEach(response::putHeader);
        response.end(Buffer.buffer(body));
    }

    @Override
    public EventStreamOutput openEventStream() {
        return new VertxEventStream(request);
    }

    @Override
    public void upgradeToWebSocket(Consumer<WebSocketChannel> accepted, Consumer<Throwable> failed) {
        request.toWebSocket().onComplete(result -> {
            if (result.succeeded()) {
                accepted.accept(new VertxWebSocket(result.result(), request.connection()));
            } else {
                failed.accept(result.cause());
            }
        });
    }

    @Override
    public void readBody(int max, Consumer<byte[]> body, Runnable tooLarge) {
        Buffer read = Buffer.buffer();
        boolean[] over = new boolean[1];
        request.handler(chunk -> {
            if (over[0]) {
                return;
            }
            if (read.length() + chunk.length() > max) {
                over[0] = true;
                tooLarge.run();
            } else {
                read.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (!over[0]) {
                body.accept(read.getBytes());
            }
        });
    }

    @Override
    public void onClientGone(Runnable action) {
        if (request.version() == HttpVersion.HTTP_2) {
            // one connection carries many requests, each its own stream, which the client may reset alone
            request.response().closeHandler(v -> action.run());
        } else {
            request.connection().closeHandler(v -> action.run());
        }
    }

    @Override
    public boolean finished() {
        return request.response().ended() || request.response().closed();
    }

    @Override
    public void closeConnection() {
        if (request.version() == HttpVersion.HTTP_2) {
            // the connection carries other requests: only this one's stream is stopped
            request.response().reset(VertxEventStream.HTTP2_CANCEL);
        } else {
            request.connection().close();
        }
    }
}
