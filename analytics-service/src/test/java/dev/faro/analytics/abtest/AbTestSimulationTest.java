package dev.faro.analytics.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Proves the verdict is honest under daily peeking: many simulated experiments, each looked at every day for
 * 30 days with the verdict taken at face value on the first day it is not "inconclusive".
 */
class AbTestSimulationTest {

    private static final int RUNS = 2_000;
    private static final int DAYS = 30;
    private static final int VISITORS_PER_ARM_AND_DAY = 150;
    private static final LocalDate START = LocalDate.of(2026, 11, 1);

    @Test
    void aaExperimentsPeekedDailyDeclareAWinnerInAtMostFivePercentOfRuns() {
        double falseWinners = winnerRate(List.of("a", "b"), new double[] {0.05, 0.05}, null, 20261126L);

        assertThat(falseWinners).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aaExperimentsWithAHighBaseRateStayWithinFivePercentToo() {
        double falseWinners = winnerRate(List.of("a", "b"), new double[] {0.25, 0.25}, null, 7L);

        assertThat(falseWinners).isLessThanOrEqualTo(0.05);
    }

    @Test
    void threeIdenticalVariantsDeclareAWinnerInAtMostFivePercentOfRuns() {
        double falseWinners = winnerRate(List.of("a", "b", "c"), new double[] {0.05, 0.05, 0.05}, null, 42L);

        assertThat(falseWinners).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aFixedSampleTestPeekedDailyWouldDeclareFalseWinnersFarMoreOften() {
        // The same A/A data judged by a plain two-proportion z-test at 95 % every day: the problem the
        // always-valid test solves, and a check that this simulation is able to catch it.
        SplittableRandom random = new SplittableRandom(20261126L);
        int falseWinners = 0;
        for (int run = 0; run < RUNS; run++) {
            long visitors = 0;
            long leadsA = 0;
            long leadsB = 0;
            for (int day = 0; day < DAYS; day++) {
                visitors += VISITORS_PER_ARM_AND_DAY;
                leadsA += binomial(random, VISITORS_PER_ARM_AND_DAY, 0.05);
                leadsB += binomial(random, VISITORS_PER_ARM_AND_DAY, 0.05);
                if (leadsA >= 10 && leadsB >= 10 && Math.abs(zStatistic(visitors, leadsA, leadsB)) > 1.96) {
                    falseWinners++;
                    break;
                }
            }
        }

        assertThat(falseWinners / (double) RUNS).isGreaterThan(0.15);
    }

    @Test
    void aRealLiftFromFiveToSevenPercentIsFoundInMostRuns() {
        double found = winnerRate(List.of("a", "b"), new double[] {0.05, 0.07}, "b", 99L);

        assertThat(found).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void aRealLiftIsAlmostNeverCalledTheOtherWayRound() {
        double wrongWay = winnerRate(List.of("a", "b"), new double[] {0.05, 0.07}, "a", 99L);

        assertThat(wrongWay).isLessThanOrEqualTo(0.01);
    }

    /**
     * The share of runs whose verdict became "winner" within the 30 days — naming {@code expectedWinner}, or
     * any variant when it is null.
     */
    static double winnerRate(List<String> variants, double[] trueRates, String expectedWinner, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AbTestAnalysis analysis = new AbTestAnalysis(AbTestSettings.defaults());
        int winners = 0;
        for (int run = 0; run < RUNS; run++) {
            List<DailyVariantCounts> days = new ArrayList<>(DAYS * variants.size());
            for (int day = 0; day < DAYS; day++) {
                for (int v = 0; v < variants.size(); v++) {
                    days.add(new DailyVariantCounts(
                            START.plusDays(day),
                            variants.get(v),
                            VISITORS_PER_ARM_AND_DAY,
                            binomial(random, VISITORS_PER_ARM_AND_DAY, trueRates[v])));
                }
            }
            AbTestResult result = analysis.analyse(variants, days);
            if (result.verdict() == Verdict.WINNER
                    && (expectedWinner == null || result.winner().orElseThrow().equals(expectedWinner))) {
                winners++;
            }
        }
        return winners / (double) RUNS;
    }

    private static long binomial(SplittableRandom random, int trials, double p) {
        long successes = 0;
        for (int i = 0; i < trials; i++) {
            if (random.nextDouble() < p) {
                successes++;
            }
        }
        return successes;
    }

    private static double zStatistic(long visitorsPerArm, long leadsA, long leadsB) {
        double pA = leadsA / (double) visitorsPerArm;
        double pB = leadsB / (double) visitorsPerArm;
        double pooled = (leadsA + leadsB) / (2.0 * visitorsPerArm);
        return (pB - pA) / Math.sqrt(pooled * (1 - pooled) * 2 / visitorsPerArm);
    }
}
