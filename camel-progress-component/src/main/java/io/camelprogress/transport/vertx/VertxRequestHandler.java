package io.camelprogress.transport.vertx;

import io.camelprogress.transport.ProgressRequests;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/** Hands the router's requests under the base path to {@link ProgressRequests}, on their own event loop. */
final class VertxRequestHandler implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final ProgressRequests requests;

    VertxRequestHandler(Vertx vertx, ProgressRequests requests) {
        this.vertx = vertx;
        this.requests = requests;
    }

    @Override
    public void handle(RoutingContext rc) {
        if (!requests.serves(rc.request().path())) {
            rc.next();
            return;
        }
        requests.handle(new VertxRequest(rc.request(), new VertxLoop(vertx, vertx.getOrCreateContext())));
    }
}
