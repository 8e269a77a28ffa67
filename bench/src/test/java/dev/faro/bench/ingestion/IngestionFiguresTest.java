package dev.faro.bench.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.bench.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestionFiguresTest {

    private static final PgbenchOutput PGBENCH = new PgbenchOutput(3400, 18.8, 20400, 0);

    @Test
    void theRateIsJudgedAgainstPgbench() {
        List<Figure> missed = IngestionBenchmark.figures(1700, null, PGBENCH);
        List<Figure> met = IngestionBenchmark.figures(3400, null, PGBENCH);

        assertThat(missed.get(0).ratio()).isEqualTo(0.5);
        assertThat(missed.get(0).goal().met()).isFalse();
        assertThat(met.get(0).goal().met()).isTrue();
        assertThat(met.get(0).baseline().value()).isEqualTo(3400);
    }

    @Test
    void withoutAFixedRateRunOnlyTheRateAndPgbenchAreShown() {
        assertThat(IngestionBenchmark.figures(0, null, PGBENCH))
                .extracting(Figure::measure)
                .containsExactly("sustained rate of POST /api/leads", "pgbench average latency, 64 clients");
    }
}
