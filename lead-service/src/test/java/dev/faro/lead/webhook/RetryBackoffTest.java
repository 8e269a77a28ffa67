package dev.faro.lead.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void delayDoublesWithEachAttemptWithinTheUpperHalfOfItsStep() {
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 7; attempt++) {
            long step = INITIAL.toMillis() << (attempt - 1);
            for (int draw = 0; draw < 200; draw++) {
                assertThat(RetryBackoff.afterAttempt(attempt, INITIAL, MAX, random)
                                .toMillis())
                        .as("attempt %d", attempt)
                        .isBetween(step / 2, step);
            }
        }
    }

    @Test
    void delayNeverExceedsTheCapHoweverManyAttempts() {
        SplittableRandom random = new SplittableRandom(11);
        for (int attempt : new int[] {8, 20, 64, Integer.MAX_VALUE}) {
            assertThat(RetryBackoff.afterAttempt(attempt, INITIAL, MAX, random)).isBetween(MAX.dividedBy(2), MAX);
        }
    }

    @Test
    void retriesOfOneOutageSpreadOut() {
        SplittableRandom random = new SplittableRandom(3);
        long distinct = IntStream.range(0, 50)
                .mapToObj(i -> RetryBackoff.afterAttempt(3, INITIAL, MAX, random))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(40);
    }
}
