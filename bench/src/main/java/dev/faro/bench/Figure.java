package dev.faro.bench;

/**
 * One measured figure, with the baseline it is judged against and the goal it must meet. {@code baseline} and
 * {@code goal} may be null for a figure shown for information only (a latency percentile beside its rate).
 *
 * @param measure what was measured ("sustained rate of POST /api/leads")
 * @param value the figure
 * @param unit its unit ("leads/s", "ms", "MiB")
 * @param baseline the machine's own ceiling for the same work, measured in the same run, or null
 * @param goal the target the issue sets, or null
 */
public record Figure(String measure, double value, String unit, Baseline baseline, Goal goal) {

    /** A baseline: what it is ("pgbench, same transaction, 64 clients") and its figure in the same unit. */
    public record Baseline(String what, double value, String unit) {}

    /**
     * A goal and whether the figure met it: {@code text} states it ("≥ 1.0 × baseline", "p99 ≤ 50 ms").
     */
    public record Goal(String text, boolean met) {}

    public static Figure info(String measure, double value, String unit) {
        return new Figure(measure, value, unit, null, null);
    }

    /** Value divided by the baseline (both in the same unit), or NaN without a baseline. */
    public double ratio() {
        return baseline == null || baseline.value() == 0 ? Double.NaN : value / baseline.value();
    }
}
