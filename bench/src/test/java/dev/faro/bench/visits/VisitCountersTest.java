package dev.faro.bench.visits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisitCountersTest {

    /** The producer's counters as Quarkus's Prometheus registry exposes them on /q/metrics. */
    private static final String SCRAPE = String.join(
            "\n",
            "# HELP faro_outbox_pending Outbox rows not yet sent",
            "# TYPE faro_outbox_pending gauge",
            "faro_outbox_pending 0.0",
            "# HELP faro_visits_dropped_total Visits answered 202 but never published (best effort)",
            "# TYPE faro_visits_dropped_total counter",
            "faro_visits_dropped_total{reason=\"buffer-full\"} 3.0",
            "faro_visits_dropped_total{reason=\"delivery-failed\"} 0.0",
            "faro_visits_dropped_total{reason=\"no-metadata\"} 5.0",
            "faro_visits_dropped_total{reason=\"producer-error\"} 0.0",
            "# HELP faro_visits_published_total Visits acknowledged by Kafka",
            "# TYPE faro_visits_published_total counter",
            "faro_visits_published_total 12345.0",
            "");

    @Test
    void publishedAndEveryDropReasonSummed() {
        assertThat(VisitCounters.from(SCRAPE)).isEqualTo(new VisitCounters(12345, 8));
    }

    @Test
    void aScrapeBeforeAnyVisitHasNoCounters() {
        assertThat(VisitCounters.from("# HELP jvm_threads_live_threads\njvm_threads_live_threads 40.0\n"))
                .isEqualTo(new VisitCounters(0, 0));
    }

    @Test
    void aCounterWithTagsIsReadToo() {
        String tagged = "faro_visits_published_total{application=\"lead-service\"} 7.0\n";

        assertThat(VisitCounters.from(tagged).published()).isEqualTo(7);
    }

    @Test
    void differenceOfTwoScrapes() {
        assertThat(new VisitCounters(150, 9).minus(new VisitCounters(100, 8))).isEqualTo(new VisitCounters(50, 1));
    }
}
