package dev.faro.analytics.abtest;

/**
 * An always-valid test of two conversion rates: the mixture sequential probability ratio test (mSPRT) on the
 * difference of the rates, with a normal mixture over the true difference.
 *
 * <p>Why this and not a fixed-sample z-test: marketers look at the verdict every day and stop as soon as it
 * says "winner". A fixed-sample test checked daily for 30 days declares a false winner in roughly a quarter of
 * A/A experiments. The mSPRT's likelihood ratio is a martingale under "no difference", so by Ville's inequality
 * the chance that it <em>ever</em> reaches 1/α — at any look, however many looks — is at most α. Unlike a
 * group-sequential design (Lan–DeMets spending), it needs no planned horizon or number of looks, which a
 * campaign does not have. The price is some power compared with a test run once at a planned size.
 *
 * <p>The difference of the observed rates is treated as normal with its estimated (unpooled) variance
 * {@code s² = pA(1−pA)/nA + pB(1−pB)/nB}. Mixing the normal likelihood ratio over a true difference drawn from
 * N(0, τ²) gives, in closed form,
 *
 * <pre>Λ = sqrt(s² / (s² + τ²)) · exp(d² τ² / (2 s² (s² + τ²)))</pre>
 *
 * <p>where d is the observed difference. Inverting Λ &lt; 1/α around any hypothesised difference gives the
 * always-valid confidence interval {@code d ± sqrt(2 s² (s² + τ²) / τ² · (ln(1/α) + ½ ln((s² + τ²) / s²)))}.
 * The normal approximation is why every variant needs a minimum sample before a verdict.
 */
public final class MixtureSprt {

    private final double mixtureVariance;

    /** @param mixtureSd τ: the standard deviation of the true differences the test is tuned to find */
    public MixtureSprt(double mixtureSd) {
        this.mixtureVariance = mixtureSd * mixtureSd;
    }

    /** The test of {@code challenger} against {@code control} on their cumulative counts so far. */
    public Look look(VariantCounts control, VariantCounts challenger, double alpha) {
        double difference = challenger.rate() - control.rate();
        double variance = varianceOfRate(control) + varianceOfRate(challenger);
        if (variance <= 0) {
            // Both rates at exactly 0 % or 100 %: the data carries no information on the difference yet.
            return new Look(difference, 0, new Interval(-1, 1));
        }
        double total = variance + mixtureVariance;
        double logLikelihoodRatio =
                0.5 * Math.log(variance / total) + difference * difference * mixtureVariance / (2 * variance * total);
        double halfWidth = Math.sqrt(
                2 * variance * total / mixtureVariance * (Math.log(1 / alpha) + 0.5 * Math.log(total / variance)));
        return new Look(difference, logLikelihoodRatio, new Interval(difference - halfWidth, difference + halfWidth));
    }

    private static double varianceOfRate(VariantCounts counts) {
        double p = counts.rate();
        return counts.visitors() == 0 ? 0 : p * (1 - p) / counts.visitors();
    }

    /**
     * One look at the data.
     *
     * @param difference challenger's rate minus control's rate
     * @param logLikelihoodRatio ln Λ, the evidence against "no difference"
     * @param interval the always-valid confidence interval of the difference at the α the look was taken at
     */
    public record Look(double difference, double logLikelihoodRatio, Interval interval) {

        /** min(1, 1/Λ): below α means "a difference", whatever the number of earlier looks. */
        public double pValue() {
            return Math.min(1.0, Math.exp(-logLikelihoodRatio));
        }
    }
}
