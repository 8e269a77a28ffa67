package dev.faro.bench.endtoend;

import dev.faro.bench.Figure;
import dev.faro.bench.cpu.CpuFigures;
import dev.faro.bench.cpu.CpuUsage;
import dev.faro.bench.load.LoadResult;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Each hop's p50 and p99, then each hop's median over the slowest leads (the end-to-end p99's and slower): which
     * hop the slow leads lost their time in. Hop percentiles do not add up to the whole's; those medians nearly do.
     */
    static List<Figure> hops(HopBreakdown hops) {
        List<Figure> figures = new ArrayList<>();
        for (LeadJourney.Hop hop : LeadJourney.Hop.values()) {
            figures.add(Figure.info("hop " + hop.description() + ", p50", hops.percentileMillis(hop, 50), "ms"));
            figures.add(Figure.info("hop " + hop.description() + ", p99", hops.percentileMillis(hop, 99), "ms"));
        }
        for (LeadJourney.Hop hop : LeadJourney.Hop.values()) {
            figures.add(Figure.info(
                    "hop " + hop.description() + ", median over the " + hops.tailCount()
                            + " slowest leads (the end-to-end p99's and slower)",
                    hops.tailMedianMillis(hop),
                    "ms"));
        }
        figures.add(Figure.info("leads with every hop stamped (the hops' samples)", hops.complete(), "leads"));
        return figures;
    }

    /**
     * CPU per delivered lead of the whole path, per process and in total, with the ceiling it puts on the machine's
     * cores; first how long the window was, since it runs past the load until every email was accepted (or the
     * grace ran out).
     */
    static List<Figure> cpu(CpuUsage usage, long deliveredLeads) {
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.info(
                "CPU window at 100 leads/s: from the first lead sent to the inbox read that found the last email",
                usage.seconds(),
                "s"));
        figures.addAll(CpuFigures.figures(usage, deliveredLeads, "delivered lead", "lead"));
        return figures;
    }
}
