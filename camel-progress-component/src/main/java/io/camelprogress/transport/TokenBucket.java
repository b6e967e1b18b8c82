package io.camelprogress.transport;

/**
 * A token bucket: holds up to {@code capacity} tokens, gains {@code perSecond} of them each second,
 * and an action goes ahead when it can take one. Not thread-safe: its owner serializes the calls.
 */
final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long updated;

    /** A full bucket. */
    TokenBucket(double perSecond, double capacity, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.capacity = capacity;
        this.tokens = capacity;
        this.updated = nowNanos;
    }

    /**
     * Takes a token when there is one.
     *
     * @return 0 when a token was taken, else how many nanoseconds until there is one
     */
    long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updated;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            updated = nowNanos;
        }
    }
}
