package io.camelprogress.transport.vertx;

import io.camelprogress.transport.ConnectionLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** A connection's Vert.x event loop and its timers. */
final class VertxLoop implements ConnectionLoop {

    private final Vertx vertx;
    private final Context context;

    VertxLoop(Vertx vertx, Context context) {
        this.vertx = vertx;
        this.context = context;
    }

    @Override
    public void execute(Runnable task) {
        context.runOnContext(v -> task.run());
    }

    @Override
    public long every(long millis, Runnable task) {
        return vertx.setPeriodic(millis, id -> task.run());
    }

    @Override
    public long after(long millis, Runnable task) {
        return vertx.setTimer(millis, id -> task.run());
    }

    @Override
    public void cancel(long timer) {
        vertx.cancelTimer(timer);
    }
}
