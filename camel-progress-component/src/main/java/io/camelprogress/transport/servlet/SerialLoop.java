package io.camelprogress.transport.servlet;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.camelprogress.transport.ConnectionLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's loop on the servlet host: its tasks run one at a time, in order, on a scheduler
 * shared by every connection, so no thread is held per connection.
 */
final class SerialLoop implements ConnectionLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLoop.class);
    private static final AtomicLong TIMER_IDS = new AtomicLong();
    /** Tasks run in one turn before the loop yields the shared thread to other connections. */
    private static final int TASKS_PER_TURN = 64;

    private final ScheduledExecutorService scheduler;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<Long, Future<?>> timers = new ConcurrentHashMap<>();

    SerialLoop(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    /**
     * Runs a task on the caller's thread as a turn of this loop, or queues it when the loop is busy:
     * the servlet's own request thread must do what only it may (start async, upgrade to WebSocket).
     */
    void runHere(Runnable task) {
        if (!running.compareAndSet(false, true)) {
            execute(task);
            return;
        }
        try {
            runSafely(task);
        } finally {
            running.set(false);
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }

    @Override
    public long every(long millis, Runnable task) {
        long id = TIMER_IDS.incrementAndGet();
        try {
            timers.put(id, scheduler.scheduleAtFixedRate(() -> execute(task), millis, millis, TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            LOG.debug("Timer not set: the servlet host is stopping");
        }
        return id;
    }

    @Override
    public long after(long millis, Runnable task) {
        long id = TIMER_IDS.incrementAndGet();
        try {
            timers.put(id, scheduler.schedule(() -> {
                timers.remove(id);
                execute(task);
            }, millis, TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            LOG.debug("Timer not set: the servlet host is stopping");
        }
        return id;
    }

    @Override
    public void cancel(long timer) {
        Future<?> future = timers.remove(timer);
        if (future != null) {
            future.cancel(false);
        }
    }

    private void schedule() {
        if (running.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::turn);
            } catch (RejectedExecutionException e) {
                running.set(false);
                tasks.clear();
                LOG.debug("Connection task dropped: the servlet host is stopping");
            }
        }
    }

    private void turn() {
        try {
            for (int i = 0; i < TASKS_PER_TURN; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                runSafely(task);
            }
        } finally {
            running.set(false);
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("A connection task failed", e);
        }
    }
}
