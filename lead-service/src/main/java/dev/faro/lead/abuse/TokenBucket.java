package dev.faro.lead.abuse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One token bucket, lock-free. Instead of a token count and a last-refill time (two values that would need a
 * lock to change together) it keeps a single instant: when the bucket will be full again if nobody takes
 * another token. The tokens available at {@code now} follow from it, {@code capacity - (fullAt - now) /
 * interval}, so taking a token is one compare-and-set that moves {@code fullAt} one interval later. (This is
 * the "virtual scheduling" form of the token bucket, also known as GCRA.)
 */
final class TokenBucket {

    private static final VarHandle FULL_AT;

    static {
        try {
            FULL_AT = MethodHandles.lookup().findVarHandle(TokenBucket.class, "fullAt", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through FULL_AT
    private volatile long fullAt;

    /** A full bucket. */
    TokenBucket(long now) {
        this.fullAt = now;
    }

    /**
     * Takes a token if one is available.
     *
     * @param intervalNanos time to refill one token
     * @param capacityNanos time to refill the whole bucket: burst × interval
     * @return 0 if a token was taken, otherwise the nanoseconds until one is available
     */
    long tryTake(long now, long intervalNanos, long capacityNanos) {
        while (true) {
            long current = (long) FULL_AT.getVolatile(this);
            // Differences, not comparisons, so System.nanoTime()'s arbitrary origin and wrap-around are harmless.
            long base = current - now > 0 ? current : now;
            long next = base + intervalNanos;
            long shortfall = (next - now) - capacityNanos;
            if (shortfall > 0) {
                return shortfall;
            }
            if (FULL_AT.compareAndSet(this, current, next)) {
                return 0;
            }
        }
    }

    /** True once every token has come back: forgetting the bucket then loses nothing. */
    boolean isFull(long now) {
        return (long) FULL_AT.getVolatile(this) - now <= 0;
    }
}
