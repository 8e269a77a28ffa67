package dev.faro.email.sending;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with jitter, so retries after an SMTP outage do not all arrive at once. */
final class Backoff {

    private Backoff() {}

    /**
     * The delay after the given number of failed attempts: {@code initial * 2^(failures - 1)}, capped at
     * {@code max}, of which the upper half is random. Never less than half the step, so retries do spread out.
     */
    static Duration after(int failures, Duration initial, Duration max, RandomGenerator random) {
        double exponential = initial.toMillis() * Math.pow(2, Math.max(0, failures - 1));
        long step = (long) Math.min(max.toMillis(), exponential);
        long half = step / 2;
        return Duration.ofMillis(half + random.nextLong(step - half + 1));
    }
}
