package io.camelprogress.hub;

/**
 * The bounds of the hub's memory (DESIGN §7).
 *
 * @param maxEventsPerStream events retained per stream for replay
 * @param maxBytesPerStream  bytes retained per stream for replay (the oldest events go first)
 * @param maxEventAgeMillis  how long an event is retained for replay
 * @param maxStreams         streams held at once
 * @param completedTtlMillis how long a completed stream is kept for late reconnects
 * @param maxPendingEvents   live events queued for one subscriber that does not keep up
 * @param slowConsumerPolicy what happens when that queue is full
 */
public record HubLimits(int maxEventsPerStream, long maxBytesPerStream, long maxEventAgeMillis, int maxStreams,
        long completedTtlMillis, int maxPendingEvents, SlowConsumerPolicy slowConsumerPolicy) {

    public HubLimits {
        requirePositive(maxEventsPerStream, "maxEventsPerStream");
        requirePositive(maxBytesPerStream, "maxBytesPerStream");
        requirePositive(maxEventAgeMillis, "maxEventAge");
        requirePositive(maxStreams, "maxStreams");
        requirePositive(completedTtlMillis, "completedStreamTtl");
        requirePositive(maxPendingEvents, "maxPendingEvents");
        if (slowConsumerPolicy == null) {
            throw new IllegalArgumentException("slowConsumerPolicy must be set");
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
