package dev.faro.bench.visits;

import dev.faro.local.testing.PrometheusText;
import java.util.Map;

/**
 * lead-service's visit producer counters from a {@code /q/metrics} scrape: visits Kafka acknowledged, and visits
 * answered 202 but dropped (every reason summed).
 */
record VisitCounters(double published, double dropped) {

    static final String PUBLISHED = "faro_visits_published_total";
    static final String DROPPED = "faro_visits_dropped_total";

    static VisitCounters from(String scrape) {
        double published = PrometheusText.sum(scrape, PUBLISHED, Map.of())
                + PrometheusText.value(scrape, PUBLISHED).orElse(0);
        return new VisitCounters(published, PrometheusText.sum(scrape, DROPPED, Map.of()));
    }

    VisitCounters minus(VisitCounters before) {
        return new VisitCounters(published - before.published, dropped - before.dropped);
    }
}
