package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofHours(1);
    private final Random random = new Random(42);

    @Test
    void delayDoublesWithEachFailureAndKeepsWithinHalfItsStep() {
        for (int failures = 1; failures <= 5; failures++) {
            Duration step = INITIAL.multipliedBy(1L << (failures - 1));
            for (int i = 0; i < 100; i++) {
                assertThat(Backoff.after(failures, INITIAL, MAX, random)).isBetween(step.dividedBy(2), step);
            }
        }
    }

    @Test
    void delayNeverExceedsTheMaximum() {
        for (int failures = 1; failures <= 100; failures++) {
            assertThat(Backoff.after(failures, INITIAL, MAX, random)).isLessThanOrEqualTo(MAX);
        }
        assertThat(Backoff.after(50, INITIAL, MAX, random)).isGreaterThanOrEqualTo(MAX.dividedBy(2));
    }

    @Test
    void retriesOfTheSameStepAreSpreadOut() {
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> Backoff.after(3, INITIAL, MAX, random))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(40);
    }
}
