package io.camelprogress.backplane;

/**
 * How a backplane is doing, for health checks, metrics and the dev console.
 *
 * @param ready           whether the node may serve: it has rebuilt its memory and can publish
 * @param connected       whether it reaches what carries events between nodes (for the local backplane, always)
 * @param reason          why it is not ready or not connected, else null
 * @param position        how far the node has read the shared log (the next offset), or -1 where there is none
 * @param lag             events in the shared log the node has yet to read, or -1 when unknown
 * @param publishFailures publishes that failed so far
 */
public record BackplaneStatus(boolean ready, boolean connected, String reason, long position, long lag, long publishFailures) {

    /** A backplane in this process: always ready, nothing to lag behind. */
    public static final BackplaneStatus LOCAL = new BackplaneStatus(true, true, null, -1, 0, 0);
}
