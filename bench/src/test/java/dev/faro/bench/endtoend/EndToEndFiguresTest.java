package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faro.bench.Figure;
import dev.faro.bench.cpu.CpuUsage;
import dev.faro.bench.load.LoadResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Test
    void cpuIsPerDeliveredLeadWithTheWindowFirstAndTheCeilingOfTheCores() {
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("lead-service", 12_000.0);
        millis.put("email-service", 18_000.0);
        CpuUsage usage = new CpuUsage(96.0, millis, Map.of(), Map.of(), 150_000, 192_000, 2);

        List<Figure> figures = EndToEndFigures.cpu(usage, 6_000);

        assertThat(figures.get(0).measure()).startsWith("CPU window at 100 leads/s");
        assertThat(figures.get(0).value()).isEqualTo(96.0);
        assertThat(figures)
                .filteredOn(figure -> figure.measure().equals("CPU per delivered lead: email-service"))
                .singleElement()
                .satisfies(figure -> assertThat(figure.value()).isCloseTo(3.0, within(1e-9)));
        assertThat(figures)
                .filteredOn(figure -> figure.measure().equals("CPU per delivered lead: all processes above"))
                .singleElement()
                .satisfies(figure -> assertThat(figure.value()).isCloseTo(5.0, within(1e-9)));
        // 2 cores × 1000 ms ÷ 5 ms per lead: the whole path cannot go faster than 400 leads/s on this machine
        assertThat(figures)
                .filteredOn(figure -> figure.measure().startsWith("ceiling of 2 cores"))
                .singleElement()
                .satisfies(figure -> {
                    assertThat(figure.value()).isCloseTo(400, within(1e-9));
                    assertThat(figure.unit()).isEqualTo("leads/s");
                });
    }
}
