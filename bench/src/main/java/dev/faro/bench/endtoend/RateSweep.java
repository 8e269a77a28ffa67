package dev.faro.bench.endtoend;

import dev.faro.bench.Figure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The same measurement at rates below the goal's 100 leads/s, to show the curve and which rate the pipeline does
 * keep up with: every rate is measured, also after one has met the goal, because each is cheap next to the whole run.
 */
final class RateSweep {

    /** Measured after the 100/s run, in this order. */
    static final List<Double> RATES = List.of(75.0, 50.0, 25.0);
    /** Each rate's run in a full benchmark; a quick one takes the context's tenth (at least 5 s). */
    static final Duration FULL_DURATION = Duration.ofSeconds(30);

    private RateSweep() {}

    /** The highest target rate among {@code steps} that met the goal; empty when none did. */
    static OptionalDouble highestMeetingGoal(List<RateStep> steps) {
        return steps.stream()
                .filter(RateStep::meetsGoal)
                .mapToDouble(RateStep::targetRate)
                .max();
    }

    /** Raw-output folder of one rate's run, under the benchmark's. */
    static String folder(double rate) {
        return String.format(Locale.ROOT, "rate-%.0f", rate);
    }

    /** Label of a step's figures: stable across quick and full runs, so the history can follow them. */
    private static String label(RateStep step) {
        return String.format(Locale.ROOT, "rate sweep, %.0f leads/s: ", step.targetRate());
    }

    /**
     * Per rate below 100/s: p50 and p99 from sending to SMTP accepted, errors and the achieved rate; then the highest
     * of all measured rates ({@code all}: the 100/s run and the sweep's) that met the goal, 0 when none did. A rate
     * whose run failed is left out of both.
     */
    static List<Figure> figures(List<RateStep> sweep, List<RateStep> all) {
        List<Figure> figures = new ArrayList<>();
        for (RateStep step : sweep) {
            String label = label(step);
            figures.add(Figure.info(label + "p50, sending POST /api/leads to SMTP accepted", step.p50Millis(), "ms"));
            figures.add(Figure.info(label + "p99, sending POST /api/leads to SMTP accepted", step.p99Millis(), "ms"));
            figures.add(Figure.info(label + "errors", step.errors(), "errors"));
            figures.add(Figure.info(label + "leads accepted per second", step.achievedRate(), "leads/s"));
        }
        figures.add(Figure.info(
                "highest rate of " + allRates() + " leads/s with p99 ≤ 300 ms and no error (0: none)",
                highestMeetingGoal(all).orElse(0),
                "leads/s"));
        return figures;
    }

    /** The raw summary: one line per measured rate, then the highest that met the goal. */
    static String table(List<RateStep> all) {
        StringBuilder text = new StringBuilder();
        for (RateStep step : all) {
            text.append(step.summary()).append('\n');
        }
        OptionalDouble highest = highestMeetingGoal(all);
        text.append("highest rate meeting p99 ≤ 300 ms with no error: ")
                .append(
                        highest.isPresent()
                                ? String.format(Locale.ROOT, "%.0f leads/s", highest.getAsDouble())
                                : "none")
                .append('\n');
        return text.toString();
    }

    /** "100, 75, 50 and 25": the label names every rate the benchmark measures, whatever a run managed. */
    private static String allRates() {
        List<String> rates = new ArrayList<>();
        rates.add(String.format(Locale.ROOT, "%.0f", EndToEndBenchmark.RATE));
        RATES.forEach(rate -> rates.add(String.format(Locale.ROOT, "%.0f", rate)));
        return String.join(", ", rates.subList(0, rates.size() - 1)) + " and " + rates.get(rates.size() - 1);
    }
}
