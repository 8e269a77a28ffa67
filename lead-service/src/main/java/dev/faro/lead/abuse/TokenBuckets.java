package dev.faro.lead.abuse;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a client address, a campaign) with a bounded number of keys. The clock is a
 * nanosecond ticker ({@code System::nanoTime} in production) so tests can move time by hand.
 */
final class TokenBuckets {

    /** The outcome of one request: admitted, or refused until a token comes back. */
    record Admission(boolean admitted, long retryAfterSeconds) {

        static final Admission ADMITTED = new Admission(true, 0);

        static Admission refusedFor(long nanos) {
            // Retry-After is whole seconds; rounding down would send the client back too early.
            long seconds = (nanos + 999_999_999L) / 1_000_000_000L;
            return new Admission(false, Math.max(1, seconds));
        }
    }

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock makingRoom = new ReentrantLock();
    private final long intervalNanos;
    private final long capacityNanos;
    private final int maxKeys;
    private final LongSupplier nanoClock;

    TokenBuckets(int requests, Duration period, int burst, int maxKeys, LongSupplier nanoClock) {
        if (requests < 1 || burst < 1 || maxKeys < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs requests, burst and max keys of at least 1 and a"
                    + " positive period; got " + requests + " per " + period + ", burst " + burst + ", max keys "
                    + maxKeys);
        }
        this.intervalNanos = Math.max(1, period.toNanos() / requests);
        this.capacityNanos = Math.multiplyExact(intervalNanos, (long) burst);
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    Admission tryTake(String key) {
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                makeRoom(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(now));
        }
        long shortfall = bucket.tryTake(now, intervalNanos, capacityNanos);
        return shortfall == 0 ? Admission.ADMITTED : Admission.refusedFor(shortfall);
    }

    /** Forgets every bucket that has refilled: a new one would be identical. */
    void evictIdle() {
        long now = nanoClock.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int trackedKeys() {
        return buckets.size();
    }

    /**
     * Brings the map down to 90% of the cap, so the O(n) sweep runs once per tenth of the cap in new keys, not
     * on every one. Idle buckets go first; if a flood keeps them all busy, arbitrary ones go (their clients get
     * a fresh bucket, which errs on the side of admitting). A bucket taken from concurrently while it is removed
     * may grant one extra token; that is the price of not locking the hot path.
     */
    private void makeRoom(long now) {
        if (!makingRoom.tryLock()) {
            // Another request is already making room; at most one extra key per concurrent request gets in.
            return;
        }
        try {
            if (buckets.size() < maxKeys) {
                return;
            }
            buckets.values().removeIf(bucket -> bucket.isFull(now));
            int target = maxKeys - maxKeys / 10 - 1;
            Iterator<TokenBucket> arbitrary = buckets.values().iterator();
            while (buckets.size() > target && arbitrary.hasNext()) {
                arbitrary.next();
                arbitrary.remove();
            }
        } finally {
            makingRoom.unlock();
        }
    }
}
