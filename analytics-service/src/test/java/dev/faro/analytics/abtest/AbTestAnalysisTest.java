package dev.faro.analytics.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbTestAnalysisTest {

    private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 20);
    private static final LocalDate DAY_2 = DAY_1.plusDays(1);
    private static final LocalDate DAY_3 = DAY_1.plusDays(2);

    private final AbTestAnalysis analysis = new AbTestAnalysis(AbTestSettings.defaults());

    @Test
    void variantsBelowTheMinimumSampleAreInconclusiveAndTheReasonSaysWhatIsMissing() {
        AbTestResult result =
                analysis.analyse(List.of("a", "b"), List.of(row(DAY_1, "a", 99, 20), row(DAY_1, "b", 200, 9)));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.comparisons()).isEmpty();
        assertThat(result.reason())
                .contains("100 visitors and 10 leads", "a has 99 visitors", "b has 200 visitors and 9 leads");
    }

    @Test
    void aClearLiftWinsOnTheFirstDayTheEvidenceSuffices() {
        // Day 1: 1000/50 vs 1000/80, p = 0.1197: not yet. Day 2, cumulative 2000/100 vs 2000/160: p = 0.0043.
        AbTestResult result = analysis.analyse(
                List.of("a", "b"),
                List.of(
                        row(DAY_1, "a", 1000, 50), row(DAY_1, "b", 1000, 80),
                        row(DAY_2, "a", 1000, 50), row(DAY_2, "b", 1000, 80)));

        assertThat(result.verdict()).isEqualTo(Verdict.WINNER);
        assertThat(result.winner()).contains("b");
        assertThat(result.decidedOn()).contains(DAY_2);
        AbTestResult.Comparison b = result.comparisons().get(0);
        assertThat(b.outcome()).isEqualTo(Outcome.BETTER);
        assertThat(b.difference()).isCloseTo(0.03, within(1e-9));
        assertThat(b.pValue()).isCloseTo(0.00434, within(1e-4));
        assertThat(b.interval().low()).isCloseTo(0.00635, within(1e-4));
        assertThat(b.interval().high()).isCloseTo(0.05365, within(1e-4));
    }

    @Test
    void aVerdictOnceReachedStandsWhileTheCountsKeepGrowing() {
        AbTestResult result = analysis.analyse(
                List.of("a", "b"),
                List.of(
                        row(DAY_1, "a", 2000, 100), row(DAY_1, "b", 2000, 160),
                        row(DAY_2, "a", 1000, 80), row(DAY_2, "b", 1000, 20)));

        assertThat(result.verdict()).isEqualTo(Verdict.WINNER);
        assertThat(result.winner()).contains("b");
        assertThat(result.decidedOn()).contains(DAY_1);
        assertThat(result.evaluatedThrough()).contains(DAY_1);
        assertThat(result.variants())
                .containsExactly(new VariantCounts("a", 3000, 180), new VariantCounts("b", 3000, 180));
    }

    @Test
    void theControlWinsWhenTheChallengerIsClearlyWorse() {
        AbTestResult result =
                analysis.analyse(List.of("a", "b"), List.of(row(DAY_1, "a", 2000, 160), row(DAY_1, "b", 2000, 100)));

        assertThat(result.verdict()).isEqualTo(Verdict.WINNER);
        assertThat(result.winner()).contains("a");
        assertThat(result.comparisons().get(0).outcome()).isEqualTo(Outcome.WORSE);
    }

    @Test
    void equalRatesOnAHugeSampleAreNoDifference() {
        // Always-valid interval of the difference: 0 ± 0.71 points, inside the ±1 point margin.
        AbTestResult result = analysis.analyse(
                List.of("a", "b"), List.of(row(DAY_1, "a", 20000, 1000), row(DAY_1, "b", 20000, 1000)));

        assertThat(result.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
        assertThat(result.winner()).isEmpty();
        assertThat(result.comparisons().get(0).outcome()).isEqualTo(Outcome.EQUIVALENT);
    }

    @Test
    void aSmallSampleWithoutEvidenceIsInconclusive() {
        AbTestResult result =
                analysis.analyse(List.of("a", "b"), List.of(row(DAY_3, "a", 120, 12), row(DAY_3, "b", 120, 12)));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.comparisons().get(0).outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(result.reason()).startsWith("not enough evidence yet");
    }

    @Test
    void withTwoChallengersEachIsTestedAtHalfTheAlpha() {
        AbTestResult result = analysis.analyse(List.of("a", "b", "c"), List.of());

        assertThat(result.alphaPerComparison()).isEqualTo(0.025);
    }

    @Test
    void aSingleVariantHasNothingToCompare() {
        AbTestResult result = analysis.analyse(List.of("a"), List.of(row(DAY_1, "a", 5000, 400)));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.reason()).contains("single variant");
    }

    private static DailyVariantCounts row(LocalDate day, String variant, long visitors, long leads) {
        return new DailyVariantCounts(day, variant, visitors, leads);
    }
}
