package dev.faro.bench.endtoend;

import dev.faro.bench.Figure;
import dev.faro.bench.load.LoadResult;

/** The end-to-end goal: p99 within 300 ms at 100 leads/s, and not one error. */
final class EndToEndFigures {

    private EndToEndFigures() {}

    /**
     * Everything that keeps a lead from its email on time: leads the schedule held but no connection was free to
     * send before the run ended, captures that failed or were refused or left unanswered, and emails not accepted.
     */
    static long errors(LoadResult load, long missingEmails) {
        long notSent = Math.max(0, load.scheduled() - load.sent());
        return notSent + load.errorCount() + load.non2xx() + load.unfinished() + missingEmails;
    }

    static Figure p99(double p99Millis, long errors) {
        boolean met = p99Millis <= EndToEndBenchmark.GOAL_P99_MILLIS && errors == 0;
        return new Figure(
                "p99, sending POST /api/leads to SMTP accepted, 100 leads/s",
                p99Millis,
                "ms",
                null,
                new Figure.Goal("p99 ≤ 300 ms, no error", met));
    }
}
