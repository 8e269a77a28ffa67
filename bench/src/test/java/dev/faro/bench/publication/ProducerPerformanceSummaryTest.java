package dev.faro.bench.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerPerformanceSummaryTest {

    /**
     * The last line is kafka-tools 4.1.2's output against ./faro's broker (10 000 records of 917 bytes, 2026-11-26);
     * the first is a progress line in the tool's format, which it prints every 5 s of a longer run.
     */
    private static final String OUTPUT =
            """
            49981 records sent, 9994.2 records/sec (8.74 MB/sec), 36.1 ms avg latency, 510.0 ms max latency.
            10000 records sent, 10245.9 records/sec (8.96 MB/sec), 35.03 ms avg latency, 510.00 ms max latency, \
            31 ms 50th, 89 ms 95th, 98 ms 99th, 101 ms 99.9th.
            """;

    @Test
    void readsTheFinalSummaryNotTheProgressLines() {
        ProducerPerformanceSummary summary =
                ProducerPerformanceSummary.parse(OUTPUT.lines().toList()).orElseThrow();

        assertThat(summary.records()).isEqualTo(10000);
        assertThat(summary.recordsPerSecond()).isEqualTo(10245.9);
        assertThat(summary.megabytesPerSecond()).isEqualTo(8.96);
        assertThat(summary.avgLatencyMillis()).isEqualTo(35.03);
        assertThat(summary.maxLatencyMillis()).isEqualTo(510.0);
        assertThat(summary.p50Millis()).isEqualTo(31);
        assertThat(summary.p95Millis()).isEqualTo(89);
        assertThat(summary.p99Millis()).isEqualTo(98);
        assertThat(summary.p999Millis()).isEqualTo(101);
    }

    @Test
    void outputWithoutASummaryGivesNothing() {
        List<String> progressOnly = OUTPUT.lines().limit(1).toList();

        assertThat(ProducerPerformanceSummary.parse(progressOnly)).isEmpty();
    }
}
