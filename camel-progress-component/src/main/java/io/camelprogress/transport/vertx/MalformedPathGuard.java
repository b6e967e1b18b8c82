package io.camelprogress.transport.vertx;

import java.nio.charset.StandardCharsets;

import io.camelprogress.event.StreamNames;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers 400 for a request under the base path whose path has a malformed %-escape, before the router matches
 * paths: Vert.x's path normalization throws on one ({@code /progress/up/%zz}), which the router logs as an
 * unhandled ERROR with its stack trace on every such request. Requests elsewhere go on untouched.
 */
final class MalformedPathGuard implements Handler<RoutingContext> {

    private final String basePath;

    MalformedPathGuard(String basePath) {
        this.basePath = basePath;
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        if (path == null || !path.startsWith(basePath) || wellEscaped(path)) {
            rc.next();
            return;
        }
        request.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(badRequest("Malformed path: a %-escape is not two hexadecimal digits"));
    }

    /** A one-line 400 body, whatever the reason holds. */
    static Buffer badRequest(String reason) {
        return Buffer.buffer((StreamNames.printable(reason) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static boolean wellEscaped(String path) {
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0 || Character.digit(path.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
