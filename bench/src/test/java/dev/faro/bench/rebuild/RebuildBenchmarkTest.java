package dev.faro.bench.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.bench.Figure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RebuildBenchmarkTest {

    private static final Instant START = Instant.parse("2026-11-26T11:05:00Z");

    @Test
    void theRateIsJudgedAgainstTwentyThousandEventsPerSecond() {
        Figure slow = RebuildBenchmark.figures(done(50_000, Duration.ofSeconds(10)), Optional.empty(), 1_000, 49_000)
                .get(0);
        Figure fast = RebuildBenchmark.figures(done(50_000, Duration.ofSeconds(2)), Optional.empty(), 50_000, 0)
                .get(0);

        assertThat(slow.value()).isEqualTo(5_000);
        assertThat(slow.unit()).isEqualTo("events/s");
        assertThat(slow.goal().met()).isFalse();
        assertThat(fast.value()).isEqualTo(25_000);
        assertThat(fast.goal().met()).isTrue();
    }

    @Test
    void reportsTheSwapAndHowManyVisitsWereAdded() {
        List<Figure> figures = RebuildBenchmark.figures(
                done(50_000, Duration.ofSeconds(10)),
                Optional.of(new RebuildWatch.SwapBounds(Duration.ofMillis(40), Duration.ofMillis(140))),
                1_000,
                49_000);

        assertThat(figures)
                .extracting(Figure::measure)
                .contains("swap (live consumers held back), at most", "synthetic visits added to a log of 1000 events");
        assertThat(figures)
                .filteredOn(f -> f.measure().startsWith("swap"))
                .extracting(Figure::value)
                .containsExactly(140.0);
        assertThat(figures)
                .filteredOn(f -> f.measure().startsWith("synthetic"))
                .extracting(Figure::value)
                .containsExactly(49_000.0);
    }

    private static RebuildSnapshot done(long events, Duration took) {
        return new RebuildSnapshot(
                "run", "done", events, events, START, Optional.of(START.plus(took)), Optional.empty());
    }
}
