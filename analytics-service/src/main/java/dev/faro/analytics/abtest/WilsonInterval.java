package dev.faro.analytics.abtest;

/**
 * The Wilson score interval for a conversion rate. Unlike the textbook "rate ± 1.96 standard errors" it stays
 * inside [0, 1] and keeps its coverage for small samples and for rates near 0 % or 100 %.
 */
public final class WilsonInterval {

    /** The two-sided 97.5 % quantile of the standard normal distribution: a 95 % interval. */
    static final double Z_95 = 1.959963984540054;

    private WilsonInterval() {}

    /** The 95 % interval of {@code successes} out of {@code trials}; [0, 1] when there were no trials. */
    public static Interval of95(long successes, long trials) {
        if (trials <= 0) {
            return new Interval(0, 1);
        }
        double n = trials;
        double p = Math.min(successes, trials) / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = Z_95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth));
    }
}
