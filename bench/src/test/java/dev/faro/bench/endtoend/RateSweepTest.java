package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.bench.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateSweepTest {

    private static RateStep step(double rate, double p99, long errors) {
        return new RateStep(rate, rate, p99 / 2, p99, errors);
    }

    @Test
    void aStepMeetsTheGoalWithP99WithinThreeHundredMillisecondsAndNoError() {
        assertThat(step(50, 300, 0).meetsGoal()).isTrue();
        assertThat(step(50, 300.5, 0).meetsGoal()).isFalse();
        assertThat(step(50, 80, 1).meetsGoal()).isFalse();
    }

    @Test
    void theHighestRateMeetingTheGoalWinsWhateverTheOrder() {
        List<RateStep> steps = List.of(step(100, 36_000, 0), step(75, 9_000, 0), step(50, 250, 0), step(25, 120, 0));

        assertThat(RateSweep.highestMeetingGoal(steps)).hasValue(50);
        assertThat(RateSweep.highestMeetingGoal(List.of(step(25, 120, 0), step(50, 250, 0))))
                .hasValue(50);
    }

    @Test
    void aFastRateWithAnErrorDoesNotCount() {
        List<RateStep> steps = List.of(step(100, 200, 3), step(75, 180, 0));

        assertThat(RateSweep.highestMeetingGoal(steps)).hasValue(75);
    }

    @Test
    void noneMeetingTheGoalGivesNothing() {
        assertThat(RateSweep.highestMeetingGoal(List.of(step(100, 36_000, 0), step(25, 301, 0))))
                .isEmpty();
        assertThat(RateSweep.highestMeetingGoal(List.of())).isEmpty();
    }

    @Test
    void eachSweepRateGetsItsLatenciesErrorsAndRateThenTheHighestMeetingTheGoal() {
        RateStep full = step(100, 36_000, 0);
        RateStep seventyFive = new RateStep(75, 74.8, 4_000, 9_000, 2);
        RateStep fifty = new RateStep(50, 50.0, 110, 240, 0);

        List<Figure> figures = RateSweep.figures(List.of(seventyFive, fifty), List.of(full, seventyFive, fifty));

        assertThat(figures)
                .extracting(Figure::measure)
                .containsExactly(
                        "rate sweep, 75 leads/s: p50, sending POST /api/leads to SMTP accepted",
                        "rate sweep, 75 leads/s: p99, sending POST /api/leads to SMTP accepted",
                        "rate sweep, 75 leads/s: errors",
                        "rate sweep, 75 leads/s: leads accepted per second",
                        "rate sweep, 50 leads/s: p50, sending POST /api/leads to SMTP accepted",
                        "rate sweep, 50 leads/s: p99, sending POST /api/leads to SMTP accepted",
                        "rate sweep, 50 leads/s: errors",
                        "rate sweep, 50 leads/s: leads accepted per second",
                        "highest rate of 100, 75, 50 and 25 leads/s with p99 ≤ 300 ms and no error (0: none)");
        assertThat(figures)
                .extracting(Figure::value)
                .containsExactly(4_000.0, 9_000.0, 2.0, 74.8, 110.0, 240.0, 0.0, 50.0, 50.0);
        assertThat(figures).allSatisfy(figure -> assertThat(figure.goal()).isNull());
    }

    @Test
    void theHighestFigureIsZeroWhenNoRateMetTheGoal() {
        List<RateStep> all = List.of(step(100, 36_000, 0), step(75, 900, 0));

        List<Figure> figures = RateSweep.figures(all.subList(1, 2), all);

        assertThat(figures.get(figures.size() - 1).value()).isZero();
        assertThat(figures.get(figures.size() - 1).unit()).isEqualTo("leads/s");
    }

    @Test
    void theRawSummaryHasALinePerRateAndTheVerdict() {
        List<RateStep> all = List.of(new RateStep(100, 99.9, 26_886, 36_110, 0), new RateStep(25, 25, 95.5, 180, 0));

        assertThat(RateSweep.table(all).lines())
                .containsExactly(
                        "100 leads/s: achieved 99.9/s, send to SMTP accepted ms p50 26886.0 p99 36110.0, errors 0,"
                                + " goal missed",
                        "25 leads/s: achieved 25.0/s, send to SMTP accepted ms p50 95.5 p99 180.0, errors 0, goal met",
                        "highest rate meeting p99 ≤ 300 ms with no error: 25 leads/s");
        assertThat(RateSweep.table(all.subList(0, 1))).endsWith("no error: none\n");
    }

    @Test
    void eachRateKeepsItsRawOutputInAFolderNamedByIt() {
        assertThat(RateSweep.RATES).containsExactly(75.0, 50.0, 25.0);
        assertThat(RateSweep.folder(75)).isEqualTo("rate-75");
    }
}
