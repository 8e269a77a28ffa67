package dev.faro.bench.endtoend;

import java.util.Locale;

/**
 * What one measured run at a fixed rate gave: how long its leads took from sending {@code POST /api/leads} to the
 * SMTP sink accepting their email, and how many did not make it.
 *
 * @param targetRate leads per second the schedule asked for
 * @param achievedRate capture responses (any status) per second of the schedule
 * @param p50Millis send to SMTP accepted, over the leads whose email was accepted
 * @param p99Millis the same at p99
 * @param errors leads not sent on schedule, failed or non-2xx captures, emails not accepted in time
 */
record RateStep(double targetRate, double achievedRate, double p50Millis, double p99Millis, long errors) {

    /** The end-to-end goal at this rate: p99 within 300 ms and not one error. */
    boolean meetsGoal() {
        return p99Millis <= EndToEndBenchmark.GOAL_P99_MILLIS && errors == 0;
    }

    /** One line for the raw output. */
    String summary() {
        return String.format(
                Locale.ROOT,
                "%.0f leads/s: achieved %.1f/s, send to SMTP accepted ms p50 %.1f p99 %.1f, errors %d, goal %s",
                targetRate,
                achievedRate,
                p50Millis,
                p99Millis,
                errors,
                meetsGoal() ? "met" : "missed");
    }
}
