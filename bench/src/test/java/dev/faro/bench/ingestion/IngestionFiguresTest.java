package dev.faro.bench.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.bench.Figure;
import dev.faro.bench.cpu.CpuUsage;
import dev.faro.bench.cpu.StackProcesses;
import java.util.List;
import java.util.Map;
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

    @Test
    void groupCommitIsLeadsAndCommitsPerWalFlush() {
        CommitCounters commits = new CommitCounters(250, 300, 1500, 2600);

        List<Figure> figures = IngestionBenchmark.cpuFigures(1000, null, commits);

        assertThat(figures).extracting(Figure::value).containsExactly(4.0, 6.0);
    }

    @Test
    void pgbenchCostsPostgresAndItsClientPerTransaction() {
        // 10 s on 2 cores, 20 400 transactions: PostgreSQL 15 300 ms, pgbench 2 040 ms
        CpuUsage cpu = new CpuUsage(
                10,
                Map.of(StackProcesses.POSTGRES, 15_300.0, StackProcesses.PGBENCH, 2_040.0, "lead-service", 100.0),
                Map.of(),
                Map.of(),
                19_000,
                20_000,
                2);
        IngestionBenchmark.PgbenchRun run =
                new IngestionBenchmark.PgbenchRun(PGBENCH, cpu, new CommitCounters(2040, 2100, 20_400, 20_500));

        List<Figure> figures = IngestionBenchmark.pgbenchCpuFigures(run);

        assertThat(figures).extracting(Figure::value).containsExactly(0.75, 0.1, 2000 / 0.85, 95.0, 10.0);
    }

    @Test
    void withoutProcFiguresPgbenchStillGetsItsCommitsPerFlush() {
        IngestionBenchmark.PgbenchRun run =
                new IngestionBenchmark.PgbenchRun(PGBENCH, null, new CommitCounters(0, 0, 20_400, 20_400));

        assertThat(IngestionBenchmark.pgbenchCpuFigures(run))
                .extracting(Figure::value)
                .containsExactly(0.0);
    }
}
