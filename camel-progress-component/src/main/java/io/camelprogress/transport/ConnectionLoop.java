package io.camelprogress.transport;

/**
 * The thread a connection's work runs on, as its HTTP host provides it: everything a connection does
 * with its socket happens there, one task at a time, and its timers fire there.
 */
public interface ConnectionLoop {

    /** Runs a task on the loop, after what is already queued; never on the caller's stack. */
    void execute(Runnable task);

    /** Runs a task every {@code millis}; returns a handle for {@link #cancel(long)}. */
    long every(long millis, Runnable task);

    /** Runs a task once after {@code millis}; returns a handle for {@link #cancel(long)}. */
    long after(long millis, Runnable task);

    /** Cancels a timer; a handle that has fired or was cancelled is ignored. */
    void cancel(long timer);
}
