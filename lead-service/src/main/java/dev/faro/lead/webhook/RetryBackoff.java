package dev.faro.lead.webhook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a delivery waits after a failed attempt: doubling from the initial delay up to the cap, with the upper
 * half of each step drawn at random so that deliveries failed by one outage do not all return at once.
 */
final class RetryBackoff {

    private RetryBackoff() {}

    static Duration afterAttempt(int attempt, Duration initial, Duration max, RandomGenerator random) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << doublings);
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }
}
