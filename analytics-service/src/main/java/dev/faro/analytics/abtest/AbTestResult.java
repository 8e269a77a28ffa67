package dev.faro.analytics.abtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an A/B test of one landing page.
 *
 * @param variants every variant's cumulative counts, control first
 * @param comparisons each challenger against the control, as of {@code evaluatedThrough}
 * @param decidedOn the day the verdict was reached; a verdict, once reached, stands
 * @param evaluatedThrough the last day whose data the comparisons include
 */
public record AbTestResult(
        String control,
        List<VariantCounts> variants,
        List<Comparison> comparisons,
        Verdict verdict,
        Optional<String> winner,
        Optional<LocalDate> decidedOn,
        Optional<LocalDate> evaluatedThrough,
        double alphaPerComparison,
        String reason) {

    /**
     * A challenger against the control.
     *
     * @param difference the challenger's conversion rate minus the control's (fractions)
     * @param interval the always-valid confidence interval of that difference (running intersection)
     * @param pValue the always-valid p-value (smallest over the daily looks)
     */
    public record Comparison(String variant, double difference, Interval interval, double pValue, Outcome outcome) {}
}
