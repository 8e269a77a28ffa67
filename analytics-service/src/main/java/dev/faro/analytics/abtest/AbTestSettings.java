package dev.faro.analytics.abtest;

/**
 * How strict the A/B test is.
 *
 * @param alpha the chance of declaring a winner (or a no-difference) that is not real, over the whole life of
 *     the experiment however often it is looked at; split evenly among the challengers
 * @param minVisitors visitors every variant needs before any verdict
 * @param minLeads leads every variant needs before any verdict
 * @param mixtureSd the spread of lifts the test is tuned to detect (a difference of conversion rates, as a
 *     fraction): the standard deviation of the normal mixture over the true difference
 * @param equivalenceMargin differences of conversion rate within ± this fraction count as no difference
 */
public record AbTestSettings(
        double alpha, long minVisitors, long minLeads, double mixtureSd, double equivalenceMargin) {

    public AbTestSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, was " + alpha);
        }
        if (!(mixtureSd > 0)) {
            throw new IllegalArgumentException("mixtureSd must be positive, was " + mixtureSd);
        }
        if (minVisitors < 1 || minLeads < 0 || equivalenceMargin < 0) {
            throw new IllegalArgumentException("minimum samples and the equivalence margin must not be negative");
        }
    }

    public static AbTestSettings defaults() {
        return new AbTestSettings(0.05, 100, 10, 0.02, 0.01);
    }
}
