package dev.faro.bench.publication;

import dev.faro.bench.BenchContext;
import dev.faro.bench.Benchmark;
import dev.faro.bench.Figure;
import dev.faro.local.launcher.FaroService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outbox relay: how long a committed event takes to reach Kafka at a modest capture rate, and how fast it
 * drains a large backlog beside what Kafka's own producer benchmark pushes through the same broker.
 */
public class PublicationBenchmark implements Benchmark {

    static final double CAPTURE_RATE = 50;
    static final double LAG_GOAL_MILLIS = 50;
    static final double DRAIN_GOAL_RATIO = 0.4;
    private static final Duration FULL_WARM_UP = Duration.ofSeconds(10);
    private static final Duration QUICK_WARM_UP = Duration.ofSeconds(3);
    private static final int PARTITIONS = 6;
    private static final String PRODUCER_TOPIC = "bench.producer";

    @Override
    public String name() {
        return "publication";
    }

    @Override
    public String title() {
        return "Publication: outbox to Kafka";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(lagFigures(context));
        figures.addAll(drainFigures(context));
        return figures;
    }

    private List<Figure> lagFigures(BenchContext context) throws Exception {
        Duration duration = context.duration(Duration.ofSeconds(60));
        Duration warmUp = context.quick() ? QUICK_WARM_UP : FULL_WARM_UP;
        CommitLag.Result lag = new CommitLag(context, CAPTURE_RATE, warmUp, duration).measure();
        Path raw = context.rawOutput();
        lag.capture().writePercentiles(raw.resolve("capture-latency.hgrm"));
        writeSamples(raw.resolve("lag-samples.csv"), lag.samples());
        LagDistribution seen = LagDistribution.of(lag.samples(), LagSample::commitToSeenMicros);
        LagDistribution sent = LagDistribution.of(lag.samples(), LagSample::commitToRecordMicros);
        Files.writeString(
                raw.resolve("lag.txt"),
                String.format(
                        Locale.ROOT,
                        "warm-up (not measured): %s%ncapture: %s%ncommit time from: %s%n"
                                + "samples %d, accepted leads not seen on Kafka %d%n"
                                + "commit -> consumer ms: p50 %.2f p99 %.2f max %.2f%n"
                                + "commit -> record timestamp ms: p50 %.2f p99 %.2f max %.2f%n",
                        lag.warmUp().summary(),
                        lag.capture().summary(),
                        lag.commitSource().description(),
                        lag.samples().size(),
                        lag.unseen(),
                        seen.percentileMillis(50),
                        seen.percentileMillis(99),
                        seen.maxMillis(),
                        sent.percentileMillis(50),
                        sent.percentileMillis(99),
                        sent.maxMillis()),
                StandardCharsets.UTF_8);
        String at = String.format(Locale.ROOT, " at %.0f leads/s", CAPTURE_RATE);
        double p99 = seen.percentileMillis(99);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.info("commit → Kafka consumer, p50" + at, seen.percentileMillis(50), "ms"));
        figures.add(new Figure(
                "commit → Kafka consumer, p99" + at,
                p99,
                "ms",
                null,
                new Figure.Goal("p99 ≤ 50 ms", p99 <= LAG_GOAL_MILLIS && lag.unseen() == 0)));
        figures.add(Figure.info("commit → Kafka consumer, max" + at, seen.maxMillis(), "ms"));
        figures.add(Figure.info("commit → relay's send (record timestamp), p99" + at, sent.percentileMillis(99), "ms"));
        if (lag.commitSource() == CommitTimes.Source.CREATED_AT) {
            // created_at is the capture transaction's start; the whole request, transaction included, bounds the gap.
            figures.add(Figure.info(
                    "POST /api/leads p50" + at + " (bounds how much earlier than the commit created_at is)",
                    lag.capture().p50Millis(),
                    "ms"));
        }
        if (lag.unseen() > 0) {
            figures.add(Figure.info("accepted leads whose event was not seen on Kafka", lag.unseen(), "events"));
        }
        return figures;
    }

    private List<Figure> drainFigures(BenchContext context) throws Exception {
        int rows = context.quick() ? 10_000 : 100_000;
        Duration timeout = Duration.ofMinutes(5);
        Path raw = context.rawOutput();
        FaroService lead = FaroService.LEAD;
        BacklogDrain.Result drain;
        try (Connection connection =
                        DriverManager.getConnection(context.jdbcUrl(lead), lead.database(), lead.database());
                ScratchTopic topic = ScratchTopic.create(context.kafkaBootstrap(), BacklogDrain.TOPIC, PARTITIONS)) {
            BacklogDrain backlog = new BacklogDrain(connection);
            drain = backlog.run(backlog.events(), rows, timeout);
        }
        ProducerPerformanceSummary producer;
        try (ScratchTopic topic = ScratchTopic.create(context.kafkaBootstrap(), PRODUCER_TOPIC, PARTITIONS)) {
            producer = new ProducerPerformanceRun(context.kafkaBootstrap(), raw)
                    .run(topic.name(), rows, drain.payloadBytes(), timeout);
        }
        Files.writeString(
                raw.resolve("backlog.txt"),
                String.format(
                        Locale.ROOT,
                        "rows %d of %d bytes; insert %.2f s; drained %.2f s after commit (%.0f rows/s);"
                                + " first relay batch %.2f s after commit; first to last batch start %.2f s%n"
                                + "ProducerPerformance: %s%n",
                        drain.rows(),
                        drain.payloadBytes(),
                        drain.insertSeconds(),
                        drain.drainSeconds(),
                        drain.rowsPerSecond(),
                        drain.firstBatchAfterSeconds(),
                        drain.relaySeconds(),
                        producer),
                StandardCharsets.UTF_8);
        Figure.Baseline baseline = new Figure.Baseline(
                String.format(
                        Locale.ROOT,
                        "Kafka ProducerPerformance, %d records of %d bytes, acks=all, idempotent, linger.ms=5",
                        rows,
                        drain.payloadBytes()),
                producer.recordsPerSecond(),
                "records/s");
        double ratio = drain.rowsPerSecond() / producer.recordsPerSecond();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(
                String.format(Locale.ROOT, "outbox backlog of %d rows drained, from commit to last sent", rows),
                drain.rowsPerSecond(),
                "records/s",
                baseline,
                new Figure.Goal("≥ 0.4 × baseline", ratio >= DRAIN_GOAL_RATIO)));
        figures.add(Figure.info(
                "relay's first batch after the backlog's commit (idle poll)", drain.firstBatchAfterSeconds(), "s"));
        figures.add(Figure.info("ProducerPerformance average latency", producer.avgLatencyMillis(), "ms"));
        return figures;
    }

    private static void writeSamples(Path file, List<LagSample> samples) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.println("event_id,committed_us,record_timestamp_us,seen_us");
            for (LagSample sample : samples) {
                out.println(sample.eventId() + "," + sample.committedMicros() + "," + sample.recordTimestampMicros()
                        + "," + sample.seenMicros());
            }
        }
    }
}
