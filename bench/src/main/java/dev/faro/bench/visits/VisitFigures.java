package dev.faro.bench.visits;

import dev.faro.bench.Figure;
import dev.faro.bench.cpu.CpuFigures;
import dev.faro.bench.cpu.CpuUsage;
import java.util.List;

/** The visits figure judged against the no-op ceiling, and what each search's best step cost in CPU. */
final class VisitFigures {

    private VisitFigures() {}

    static Figure sustainedRate(double visitsRate, double noopRate, int connections) {
        Figure.Baseline baseline = new Figure.Baseline(
                "no-op POST /api/bench/noop of the same lead-service, same load", noopRate, "req/s");
        Figure unjudged = new Figure(
                "sustained rate of POST /api/visits, " + connections + " connections",
                visitsRate,
                "req/s",
                baseline,
                null);
        boolean met = !Double.isNaN(unjudged.ratio()) && unjudged.ratio() >= VisitsBenchmark.GOAL_RATIO;
        return new Figure(
                unjudged.measure(),
                visitsRate,
                "req/s",
                baseline,
                new Figure.Goal("≥ " + VisitsBenchmark.GOAL_RATIO + " × baseline", met));
    }

    /**
     * The no-op ceiling's account, in brief: what lead-service spends per request, what the whole stack does, and how
     * busy the machine was (the whole table is in the raw output).
     */
    static List<Figure> noopCpu(CpuUsage usage, long requests) {
        String lead = "lead-service";
        return List.of(
                Figure.info(
                        "CPU per request at the no-op ceiling: lead-service",
                        requests == 0 ? 0 : usage.millisByProcess().getOrDefault(lead, 0.0) / requests,
                        "ms/req"),
                Figure.info(
                        "CPU per request at the no-op ceiling: all processes (load generator included)",
                        CpuFigures.totalMillisPer(usage, requests),
                        "ms/req"),
                Figure.info("machine CPU busy at the no-op ceiling (/proc/stat)", usage.machineBusyPercent(), "%"));
    }

    /** Per process, CPU per visit at the visits' sustained rate: where the cores went that the no-op had. */
    static List<Figure> visitCpu(CpuUsage usage, long visits) {
        return CpuFigures.figures(usage, visits, "visit at the sustained rate", "visit");
    }
}
