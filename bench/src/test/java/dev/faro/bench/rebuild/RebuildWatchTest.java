package dev.faro.bench.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RebuildWatchTest {

    private static final Instant START = Instant.parse("2026-11-26T11:05:00Z");

    @Test
    void theSwapRunsFromTheLastReadingPollToTheFirstDonePollAndSpansTheSwappingOnes() {
        // As seen on ./faro: finishedAt is written inside the swap transaction, so "swapping" outlives it.
        RebuildWatch watch = new RebuildWatch();
        watch.saw(START.plusMillis(100), snapshot("reading", null));
        watch.saw(START.plusMillis(200), snapshot("reading", null));
        watch.saw(START.plusMillis(300), snapshot("swapping", null));
        watch.saw(START.plusMillis(400), snapshot("swapping", null));
        watch.saw(START.plusMillis(500), snapshot("done", START.plusMillis(250)));

        RebuildWatch.SwapBounds swap = watch.swap().orElseThrow();

        assertThat(swap.atLeast()).isEqualTo(Duration.ofMillis(150));
        assertThat(swap.atMost()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aSwapNoPollCaughtIsBoundedOnlyFromAbove() {
        RebuildWatch watch = new RebuildWatch();
        watch.saw(START.plusMillis(100), snapshot("reading", null));
        watch.saw(START.plusMillis(200), snapshot("done", START.plusMillis(180)));

        RebuildWatch.SwapBounds swap = watch.swap().orElseThrow();

        assertThat(swap.atLeast()).isZero();
        assertThat(swap.atMost()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void nothingIsKnownBeforeTheEnd() {
        RebuildWatch watch = new RebuildWatch();
        watch.saw(START.plusMillis(100), snapshot("swapping", null));

        assertThat(watch.swap()).isEmpty();
    }

    private static RebuildSnapshot snapshot(String state, Instant finished) {
        return new RebuildSnapshot("run", state, 10, 10, START, Optional.ofNullable(finished), Optional.empty());
    }
}
