package dev.faro.bench.visits;

import dev.faro.bench.Figure;

/** The visits figure judged against the no-op ceiling. */
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
}
