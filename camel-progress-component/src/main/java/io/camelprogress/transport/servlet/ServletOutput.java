package io.camelprogress.transport.servlet;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * The response of an async request, written without blocking: what the stream does not take now
 * waits here, in order, and is written when the container says it can take more
 * ({@link WriteListener}). Everything but the container's callbacks runs on the connection's loop.
 * <p>
 * A container recycles a request's objects once it has completed it (a client that went away, an
 * error), and may hand them to another request: every use of the response and the async context
 * is made under {@link #lock}, and none after the container said the request is done, which it
 * says under the same lock before it recycles anything.
 */
final class ServletOutput implements WriteListener, AutoCloseable {

    private final SerialLoop loop;
    private final AsyncContext async;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final List<Runnable> closedActions = new ArrayList<>(2);
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: the container completed the request, whose objects are no longer ours. */
    private boolean containerDone;
    private ServletOutputStream out;
    private boolean needsFlush;
    /** Whether the container has called onWritePossible: until then the request may still be in its first dispatch. */
    private boolean started;
    private boolean ending;
    private boolean closed;
    private Runnable drained;

    ServletOutput(SerialLoop loop, AsyncContext async) {
        this.loop = loop;
        this.async = async;
    }

    /** Runs an action on the response while it is still this request's; returns whether it ran. */
    boolean withResponse(Runnable action) {
        synchronized (lock) {
            if (containerDone) {
                return false;
            }
            action.run();
            return true;
        }
    }

    /** Queues bytes and writes what the stream takes now. */
    void write(byte[] bytes) {
        if (closed || ending) {
            return;
        }
        pending.add(bytes);
        if (out == null) {
            synchronized (lock) {
                if (containerDone) {
                    return;
                }
                try {
                    out = async.getResponse().getOutputStream();
                } catch (IOException | IllegalStateException e) {
                    fail();
                    return;
                }
                // the container answers with onWritePossible, which pumps
                out.setWriteListener(this);
            }
            return;
        }
        pump();
    }

    /** Whether bytes wait that the stream did not take: the socket is backed up. */
    boolean full() {
        return !pending.isEmpty();
    }

    /** Runs the action on the loop once everything queued has been written. */
    void whenWritable(Runnable action) {
        if (closed) {
            return;
        }
        if (pending.isEmpty() && !needsFlush) {
            loop.execute(action);
        } else {
            drained = action;
        }
    }

    /** Completes the response once everything queued has been written. */
    void end() {
        if (closed || ending) {
            return;
        }
        ending = true;
        if (out == null) {
            complete();
        } else {
            pump();
        }
    }

    /** Ends the response now, dropping what is queued. */
    void abort() {
        if (!closed) {
            pending.clear();
            complete();
        }
    }

    /** Runs the action on the loop when the response completes or fails, once. */
    void onClosed(Runnable action) {
        closedActions.add(action);
    }

    boolean closed() {
        return closed;
    }

    /** The container completed the request or saw it fail; on the container's thread, before it recycles the request. */
    void containerDone() {
        synchronized (lock) {
            containerDone = true;
        }
    }

    /** After {@link #containerDone()}, on the loop. */
    void containerClosed() {
        if (!closed) {
            closed = true;
            pending.clear();
        }
        runClosedActions();
    }

    /** Completes the response from the thread that stops the host, whatever the loop is doing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (!containerDone) {
                completeQuietly();
            }
        }
    }

    @Override
    public void onWritePossible() {
        loop.execute(() -> {
            started = true;
            pump();
        });
    }

    @Override
    public void onError(Throwable t) {
        loop.execute(this::fail);
    }

    private void pump() {
        if (closed || !started) {
            return;
        }
        synchronized (lock) {
            if (containerDone) {
                return;
            }
            try {
                while (!pending.isEmpty()) {
                    if (!out.isReady()) {
                        return;
                    }
                    out.write(pending.poll());
                    needsFlush = true;
                }
                if (!out.isReady()) {
                    return;
                }
                if (needsFlush) {
                    out.flush();
                    needsFlush = false;
                    if (!out.isReady()) {
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                pending.clear();
                closed = true;
                completeQuietly();
                runClosedActions();
                return;
            }
        }
        if (ending) {
            complete();
            return;
        }
        Runnable action = drained;
        drained = null;
        if (action != null) {
            action.run();
        }
    }

    private void complete() {
        closed = true;
        synchronized (lock) {
            if (!containerDone) {
                completeQuietly();
            }
        }
        runClosedActions();
    }

    private void completeQuietly() {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // the container had completed it already
        }
    }

    private void fail() {
        if (closed) {
            return;
        }
        pending.clear();
        complete();
    }

    private void runClosedActions() {
        List<Runnable> actions = new ArrayList<>(closedActions);
        closedActions.clear();
        actions.forEach(Runnable::run);
    }
}
