package dev.faro.bench.ingestion;

import dev.faro.bench.BenchContext;
import dev.faro.bench.Benchmark;
import dev.faro.bench.Figure;
import dev.faro.bench.cpu.CpuFigures;
import dev.faro.bench.cpu.CpuSampler;
import dev.faro.bench.cpu.CpuSnapshot;
import dev.faro.bench.cpu.CpuUsage;
import dev.faro.bench.cpu.MeasuredProcess;
import dev.faro.bench.cpu.StackProcesses;
import dev.faro.bench.load.LoadResult;
import dev.faro.bench.load.OpenModelLoad;
import dev.faro.bench.load.RateLimitCheck;
import dev.faro.bench.load.RequestFactory;
import dev.faro.bench.load.SustainRule;
import dev.faro.bench.load.SustainedRate;
import dev.faro.contract.EventType;
import dev.faro.local.launcher.FaroService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lead ingestion: the highest rate of {@code POST /api/leads} lead-service sustains over 64 connections, and its
 * latency percentiles at that rate, beside pgbench running the same transaction (a lead row and its outbox row,
 * same tables and indexes) with 64 clients on the same PostgreSQL.
 */
public final class IngestionBenchmark implements Benchmark {

    static final int CONNECTIONS = 64;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final int DEFAULT_PAYLOAD_BYTES = 1000;
    private static final double QUICK_WARM_UP_RATE = 50;
    private static final double FULL_WARM_UP_RATE = 100;

    @Override
    public String name() {
        return "ingestion";
    }

    @Override
    public String title() {
        return "Lead ingestion (POST /api/leads, 64 connections)";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        PgbenchBaseline pgbench = PgbenchBaseline.locate();
        Path raw = context.rawOutput();
        URI leads = context.serviceUrl(FaroService.LEAD).resolve("/api/leads");
        String runId = Long.toString(Instant.now().getEpochSecond(), 36);
        OpenModelLoad load = new OpenModelLoad(
                CONNECTIONS,
                RequestFactory.postJson(leads, Map.of(), REQUEST_TIMEOUT, new LeadBodies(runId)),
                REQUEST_TIMEOUT);

        // A freshly started service runs interpreted code for its first thousands of requests, and the JIT
        // compilers then take a large share of the CPU for a while; warm it first.
        LoadResult warmUp = context.quick()
                ? load.run(QUICK_WARM_UP_RATE, Duration.ofSeconds(10))
                : load.run(FULL_WARM_UP_RATE, Duration.ofSeconds(60));
        RateLimitCheck.requireNoThrottling(warmUp);
        Files.writeString(raw.resolve("warm-up.txt"), warmUp.summary() + "\n");
        System.out.println("  warm-up: " + warmUp.summary());
        Thread.sleep(SETTLE.toMillis());

        Duration stepDuration = context.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(10);
        SustainedRate search = new SustainedRate(SustainRule.DEFAULT, 60, 1.5, 20_000, 5, 2);
        Path steps = raw.resolve("steps.txt");
        Files.writeString(steps, SustainRule.DEFAULT.describe() + "\n");
        int[] stepNumber = {0};
        SustainedRate.Outcome outcome = search.search(rate -> {
            LoadResult result = load.run(rate, stepDuration);
            stepNumber[0]++;
            result.writePercentiles(
                    raw.resolve(String.format(Locale.ROOT, "step-%02d-%.0f.hgrm", stepNumber[0], rate)));
            RateLimitCheck.requireNoThrottling(result);
            String line = String.format(Locale.ROOT, "step %d: %s", stepNumber[0], result.summary());
            System.out.println("  " + line);
            Files.writeString(steps, line + "\n", StandardOpenOption.APPEND);
            Thread.sleep(SETTLE.toMillis());
            return result;
        });
        Files.writeString(
                steps,
                String.format(Locale.ROOT, "sustained: %.1f leads/s%n", outcome.rate()),
                StandardOpenOption.APPEND);
        System.out.printf(Locale.ROOT, "  sustained %.1f leads/s (%s)%n", outcome.rate(), outcome.rule());

        List<MeasuredProcess> stack = stackProcesses(context);
        LoadResult fixed = null;
        CpuUsage fixedCpu = null;
        CommitCounters fixedCommits = null;
        if (outcome.rate() > 0) {
            Duration fixedDuration = context.duration(Duration.ofSeconds(60));
            CpuSampler sampler = stack == null ? null : new CpuSampler(Path.of("/proc"), stack);
            CpuSnapshot cpuBefore = sampler == null ? null : sampler.sample();
            CommitCounters commitsBefore = CommitCounters.read(port(context), FaroService.LEAD.database());
            fixed = load.run(outcome.rate(), fixedDuration);
            // The pause lets the consumers finish what these leads caused, so their CPU lands in the window.
            Thread.sleep(SETTLE.toMillis());
            fixedCommits = CommitCounters.read(port(context), FaroService.LEAD.database())
                    .since(commitsBefore);
            fixedCpu = sampler == null ? null : CpuUsage.between(cpuBefore, sampler.sample());
            RateLimitCheck.requireNoThrottling(fixed);
            fixed.writePercentiles(raw.resolve("fixed-rate.hgrm"));
            Files.writeString(raw.resolve("fixed-rate.txt"), fixed.summary() + "\n");
            System.out.println("  fixed rate: " + fixed.summary());
            String commits = "fixed-rate run + " + SETTLE.toSeconds() + " s pause, " + fixed.successful()
                    + " accepted leads: " + fixedCommits.describe() + "\n";
            Files.writeString(raw.resolve("fixed-rate-commits.txt"), commits);
            System.out.print("  " + commits);
            if (fixedCpu != null) {
                String table = CpuFigures.table(fixedCpu, fixed.successful(), "lead");
                Files.writeString(raw.resolve("fixed-rate-cpu.txt"), table);
                System.out.print(table.indent(2));
            }
        }

        int payloadBytes = leadCapturedPayloadBytes(context);
        PgbenchRun baseline = runPgbench(context, pgbench, payloadBytes, stack);
        System.out.printf(
                Locale.ROOT,
                "  pgbench: %.1f tps, %.2f ms average, payload %d bytes%n",
                baseline.output().tps(),
                baseline.output().latencyAverageMillis(),
                payloadBytes);
        List<Figure> figures = figures(outcome.rate(), fixed, baseline.output());
        if (fixed != null) {
            figures.addAll(cpuFigures(fixed.successful(), fixedCpu, fixedCommits));
        }
        figures.addAll(pgbenchCpuFigures(baseline));
        return figures;
    }

    /** The pgbench run's output with the CPU and commits it cost; {@code cpu} is null when /proc is unreadable. */
    record PgbenchRun(PgbenchOutput output, CpuUsage cpu, CommitCounters commits) {}

    /** CPU per accepted lead per process and commits per WAL flush over the fixed-rate run. */
    static List<Figure> cpuFigures(long acceptedLeads, CpuUsage cpu, CommitCounters commits) {
        List<Figure> figures = new ArrayList<>();
        if (cpu != null) {
            figures.addAll(CpuFigures.figures(cpu, acceptedLeads, "accepted lead", "lead"));
        }
        figures.add(Figure.info(
                "accepted leads per WAL flush (pg_stat_wal.wal_sync, whole cluster)",
                commits.perSync(acceptedLeads),
                "leads/flush"));
        figures.add(Figure.info(
                "faro_lead commits per WAL flush (read-only transactions included)",
                commits.perSync(commits.commits()),
                "commits/flush"));
        return figures;
    }

    /** What a pgbench transaction costs: PostgreSQL's CPU and pgbench's own, and commits per WAL flush. */
    static List<Figure> pgbenchCpuFigures(PgbenchRun run) {
        List<Figure> figures = new ArrayList<>();
        long transactions = run.output().transactions();
        if (run.cpu() != null && transactions > 0) {
            double postgres = run.cpu().millisByProcess().getOrDefault(StackProcesses.POSTGRES, 0.0);
            double client = run.cpu().millisByProcess().getOrDefault(StackProcesses.PGBENCH, 0.0);
            double perTransaction = (postgres + client) / transactions;
            figures.add(Figure.info("pgbench: PostgreSQL CPU per transaction", postgres / transactions, "ms/tx"));
            figures.add(Figure.info("pgbench: pgbench client CPU per transaction", client / transactions, "ms/tx"));
            figures.add(Figure.info(
                    String.format(
                            Locale.ROOT,
                            "pgbench: ceiling of %d cores at PostgreSQL + pgbench CPU per transaction",
                            run.cpu().cores()),
                    perTransaction == 0 ? 0 : run.cpu().cores() * 1000.0 / perTransaction,
                    "tx/s"));
            figures.add(Figure.info(
                    "pgbench: machine CPU busy over its run", run.cpu().machineBusyPercent(), "%"));
        }
        figures.add(Figure.info(
                "pgbench transactions per WAL flush",
                run.commits().perSync(run.commits().commits()),
                "commits/flush"));
        return figures;
    }

    /** The stack's processes, or null (no CPU figures) when its pid file or /proc cannot be read. */
    private static List<MeasuredProcess> stackProcesses(BenchContext context) {
        try {
            List<MeasuredProcess> processes = StackProcesses.of(context.stack().run());
            new CpuSampler(Path.of("/proc"), processes).sample();
            return processes;
        } catch (IOException | RuntimeException e) {
            System.err.println("  no CPU figures: " + e.getMessage());
            return null;
        }
    }

    private static int port(BenchContext context) {
        return context.stack().postgresPort();
    }

    static List<Figure> figures(double sustained, LoadResult fixed, PgbenchOutput baseline) {
        List<Figure> figures = new ArrayList<>();
        Figure.Baseline pgbench = new Figure.Baseline(
                "pgbench -M prepared -c 64 -j 2, lead + outbox row per transaction", baseline.tps(), "tx/s");
        double ratio = baseline.tps() == 0 ? 0 : sustained / baseline.tps();
        figures.add(new Figure(
                "sustained rate of POST /api/leads",
                sustained,
                "leads/s",
                pgbench,
                new Figure.Goal("≥ 1.0 × pgbench", ratio >= 1.0)));
        if (fixed != null) {
            figures.add(Figure.info("p50 latency at the sustained rate", fixed.p50Millis(), "ms"));
            figures.add(Figure.info("p99 latency at the sustained rate", fixed.p99Millis(), "ms"));
            figures.add(Figure.info("p99.9 latency at the sustained rate", fixed.p999Millis(), "ms"));
            figures.add(Figure.info(
                    "failed requests at the sustained rate (errors, non-2xx, unfinished)",
                    fixed.errorCount() + fixed.non2xx() + fixed.unfinished(),
                    "requests"));
        }
        figures.add(Figure.info("pgbench average latency, 64 clients", baseline.latencyAverageMillis(), "ms"));
        return figures;
    }

    /** The average size of lead-service's own LeadCaptured payloads, so the pgbench rows weigh the same. */
    private static int leadCapturedPayloadBytes(BenchContext context) {
        String database = FaroService.LEAD.database();
        try (Connection connection =
                        DriverManager.getConnection(context.jdbcUrl(FaroService.LEAD), database, database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select avg(octet_length(payload))::int from"
                        + " (select payload from outbox_event where event_type = '"
                        + EventType.LEAD_CAPTURED.cloudEventType() + "' order by seq desc limit 1000) recent")) {
            result.next();
            int average = result.getInt(1);
            return average > 0 ? average : DEFAULT_PAYLOAD_BYTES;
        } catch (SQLException e) {
            System.err.println("  could not read LeadCaptured payload sizes (" + e.getMessage() + "); using "
                    + DEFAULT_PAYLOAD_BYTES + " bytes");
            return DEFAULT_PAYLOAD_BYTES;
        }
    }

    private static PgbenchRun runPgbench(
            BenchContext context, PgbenchBaseline pgbench, int payloadBytes, List<MeasuredProcess> stack)
            throws IOException, SQLException, InterruptedException {
        Path raw = context.rawOutput();
        int port = context.stack().postgresPort();
        ScratchDatabase scratch = new ScratchDatabase(port);
        List<Path> migrations = scratch.recreate(context.stack().repoRoot());
        StringBuilder applied = new StringBuilder();
        for (Path migration : migrations) {
            applied.append(context.stack().repoRoot().relativize(migration)).append('\n');
        }
        Files.writeString(raw.resolve("scratch-migrations.txt"), applied);
        int free = ScratchDatabase.freeConnections("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        if (free < CONNECTIONS) {
            throw new IllegalStateException("PostgreSQL has only " + free + " connections free; pgbench needs "
                    + CONNECTIONS + " (raise max_connections or stop what holds them)");
        }
        Path script = raw.resolve("capture.sql");
        Files.writeString(script, CaptureTransactionScript.render(payloadBytes));
        Duration duration = context.duration(Duration.ofSeconds(60));
        CpuSampler sampler = stack == null ? null : new CpuSampler(Path.of("/proc"), StackProcesses.withPgbench(stack));
        CpuSnapshot cpuBefore = sampler == null ? null : sampler.sample();
        CommitCounters commitsBefore = CommitCounters.read(port, ScratchDatabase.NAME);
        PgbenchOutput output = pgbench.run(pgbench.command(script, port, CONNECTIONS, duration), raw, duration);
        CommitCounters commits = CommitCounters.read(port, ScratchDatabase.NAME).since(commitsBefore);
        CpuUsage cpu = sampler == null ? null : CpuUsage.between(cpuBefore, sampler.sample());
        String commitLine = output.transactions() + " pgbench transactions: " + commits.describe() + "\n";
        Files.writeString(raw.resolve("pgbench-commits.txt"), commitLine);
        System.out.print("  " + commitLine);
        if (cpu != null) {
            String table = CpuFigures.table(cpu, output.transactions(), "tx");
            Files.writeString(raw.resolve("pgbench-cpu.txt"), table);
            System.out.print(table.indent(2));
        }
        long[] rows = scratch.rowCounts();
        Files.writeString(
                raw.resolve("pgbench-rows.txt"),
                String.format(
                        Locale.ROOT,
                        "lead rows %d, outbox rows %d, transactions %d, failed %d%n",
                        rows[0],
                        rows[1],
                        output.transactions(),
                        output.failed()));
        return new PgbenchRun(output, cpu, commits);
    }
}
