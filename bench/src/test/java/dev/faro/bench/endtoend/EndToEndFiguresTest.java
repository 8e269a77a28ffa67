package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.bench.load.LoadResult;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class EndToEndFiguresTest {

    @Test
    void p99WithinThreeHundredMillisecondsAndNoErrorMeetsTheGoal() {
        assertThat(EndToEndFigures.p99(300, 0).goal().met()).isTrue();
    }

    @Test
    void aSlowerP99MissesIt() {
        assertThat(EndToEndFigures.p99(300.5, 0).goal().met()).isFalse();
    }

    @Test
    void oneErrorMissesItHoweverFast() {
        assertThat(EndToEndFigures.p99(40, 1).goal().met()).isFalse();
    }

    @Test
    void theGoalIsAbsoluteSoThereIsNoBaseline() {
        assertThat(EndToEndFigures.p99(40, 0).baseline()).isNull();
        assertThat(EndToEndFigures.p99(40, 0).goal().text()).isEqualTo("p99 ≤ 300 ms, no error");
    }

    @Test
    void leadsTheScheduleCouldNotSendCountAsErrorsWithFailuresAndMissingEmails() {
        LoadResult load = new LoadResult(
                100,
                Duration.ofSeconds(6),
                600,
                590,
                new TreeMap<>(Map.of(202, 585L, 500, 2L)),
                new TreeMap<>(Map.of("HttpTimeoutException", 1L)),
                2,
                new Histogram(3));

        // 10 never sent, 2 answered 500, 1 timed out, 2 unfinished, 3 emails missing
        assertThat(EndToEndFigures.errors(load, 3)).isEqualTo(18);
    }

    @Test
    void aRunThatKeptItsScheduleHasNoErrors() {
        LoadResult load = new LoadResult(
                100,
                Duration.ofSeconds(6),
                600,
                600,
                new TreeMap<>(Map.of(202, 600L)),
                new TreeMap<>(),
                0,
                new Histogram(3));

        assertThat(EndToEndFigures.errors(load, 0)).isZero();
    }
}
