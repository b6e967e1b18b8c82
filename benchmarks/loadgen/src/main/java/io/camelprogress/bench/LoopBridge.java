package io.camelprogress.bench;

import io.vertx.core.Context;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a piece of work on the event loop and waits for its answer, so loop-owned state needs no locks. */
final class LoopBridge {

    private static final long TIMEOUT_SECONDS = 30;

    private LoopBridge() {
    }

    static <T> T call(Context loop, Callable<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        loop.runOnContext(ignored -> {
            try {
                answer.complete(work.call());
            } catch (Exception | Error e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the event loop", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("event loop task failed or timed out", e);
        }
    }
}
