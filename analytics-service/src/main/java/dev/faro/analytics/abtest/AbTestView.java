package dev.faro.analytics.abtest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The A/B test of one landing page as the API shows it. Rates and differences are in percent / points. */
@Schema(name = "AbTest", description = "Conversion of each variant of a landing page and the verdict")
public record AbTestView(
        @Schema(description = "The campaign slug", examples = "demo") String campaign,
        @Schema(description = "The landing page id") String landingPage,
        @Schema(description = "The control: the first variant the campaign lists for the page") String control,
        @Schema(
                        description = "inconclusive, winner or no-difference",
                        enumeration = {"inconclusive", "winner", "no-difference"})
                String verdict,
        @Schema(description = "The winning variant when the verdict is winner", nullable = true) String winner,
        @Schema(description = "The UTC day the verdict was reached; it stands from then on", nullable = true)
                LocalDate decidedOn,
        @Schema(description = "The last UTC day the comparisons include", nullable = true) LocalDate evaluatedThrough,
        @Schema(description = "The figures that led to the verdict, in words") String reason,
        @Schema(description = "The chance of a false verdict over the whole test, however often it is read")
                double alpha,
        @Schema(description = "The p-value each challenger must reach: alpha split among the challengers")
                double alphaPerComparison,
        @Schema(description = "Visitors every variant needs before a verdict") long minVisitors,
        @Schema(description = "Leads every variant needs before a verdict") long minLeads,
        List<Variant> variants,
        List<Comparison> comparisons) {

    @Schema(name = "AbTestVariant", description = "A variant's cumulative conversion")
    public record Variant(
            String variant,
            boolean control,
            long visitors,
            long leads,
            @Schema(description = "leads / visitors × 100, two decimals") double conversionRate,
            @Schema(description = "Lower end of the 95 % Wilson interval of the rate, percent")
                    double conversionRateLow,
            @Schema(description = "Upper end of the 95 % Wilson interval of the rate, percent")
                    double conversionRateHigh) {}

    @Schema(name = "AbTestComparison", description = "A challenger against the control, always-valid statistics")
    public record Comparison(
            String variant,
            @Schema(description = "Challenger's rate minus the control's, percentage points") double difference,
            @Schema(description = "Lower end of the always-valid 95 % interval of the difference, points")
                    double differenceLow,
            @Schema(description = "Upper end of the always-valid 95 % interval of the difference, points")
                    double differenceHigh,
            @Schema(description = "Always-valid p-value (mixture SPRT), four decimals") double pValue,
            @Schema(description = "better, worse, equivalent or undecided") String outcome) {}

    static AbTestView of(String campaign, String landingPage, AbTestResult result, AbTestSettings settings) {
        List<Variant> variants = result.variants().stream()
                .map(counts -> {
                    Interval interval = WilsonInterval.of95(counts.leads(), counts.visitors());
                    double rate = counts.visitors() == 0 ? 0 : 100.0 * counts.leads() / counts.visitors();
                    return new Variant(
                            counts.variant(),
                            counts.variant().equals(result.control()),
                            counts.visitors(),
                            counts.leads(),
                            round(rate, 2),
                            round(100 * interval.low(), 2),
                            round(100 * interval.high(), 2));
                })
                .toList();
        List<Comparison> comparisons = result.comparisons().stream()
                .map(c -> new Comparison(
                        c.variant(),
                        round(100 * c.difference(), 2),
                        round(100 * c.interval().low(), 2),
                        round(100 * c.interval().high(), 2),
                        round(c.pValue(), 4),
                        c.outcome().label()))
                .toList();
        return new AbTestView(
                campaign,
                landingPage,
                result.control(),
                result.verdict().label(),
                result.winner().orElse(null),
                result.decidedOn().orElse(null),
                result.evaluatedThrough().orElse(null),
                result.reason(),
                settings.alpha(),
                result.alphaPerComparison(),
                settings.minVisitors(),
                settings.minLeads(),
                variants,
                comparisons);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
