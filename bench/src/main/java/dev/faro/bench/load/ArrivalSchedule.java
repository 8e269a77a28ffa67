package dev.faro.bench.load;

import java.time.Duration;

/**
 * The intended send times of an open-model run: request {@code i} is due at {@code start + i / rate}, whatever
 * happened to the requests before it. Latency is measured from these times, so a stalled server is charged for
 * every request it kept waiting, not just the few that were in flight.
 */
public final class ArrivalSchedule {

    private final long startNanos;
    private final double intervalNanos;
    private final long endNanos;

    public ArrivalSchedule(long startNanos, double ratePerSecond, Duration duration) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / ratePerSecond;
        this.endNanos = startNanos + duration.toNanos();
    }

    /** When request {@code index} (from 0) is due, in {@link System#nanoTime()} terms. */
    public long intendedNanos(long index) {
        return startNanos + Math.round(index * intervalNanos);
    }

    /** Whether request {@code index} is due before the run ends; the run sends no request due at or after it. */
    public boolean isWithinRun(long index) {
        return intendedNanos(index) < endNanos;
    }

    /** How many requests the schedule holds: the target number of sends. */
    public long size() {
        // The first index not within the run; the division only gives a first guess, rounding decides.
        long size = (long) Math.ceil((endNanos - startNanos) / intervalNanos);
        while (size > 0 && !isWithinRun(size - 1)) {
            size--;
        }
        while (isWithinRun(size)) {
            size++;
        }
        return size;
    }

    public long startNanos() {
        return startNanos;
    }

    public long endNanos() {
        return endNanos;
    }
}
