package dev.faro.bench.rebuild;

import dev.faro.bench.BenchContext;
import dev.faro.bench.Benchmark;
import dev.faro.bench.Figure;
import dev.faro.contract.Topics;
import dev.faro.local.launcher.FaroService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * analytics-service's rebuild from the event log, in events read per second from its start to the swap's commit.
 * A small log is first topped up with synthetic visits, so the figure is a rate and not the fixed cost of
 * preparing and swapping tables.
 */
public class RebuildBenchmark implements Benchmark {

    static final double GOAL_EVENTS_PER_SECOND = 20_000;
    /** The topics the rebuild reads (analytics-service's channels leads, visits, incentives, emails). */
    static final List<String> TOPICS =
            List.of(Topics.LEADS.name(), Topics.VISITS.name(), Topics.INCENTIVES.name(), Topics.EMAILS.name());

    private static final String ANALYTICS_GROUP = "analytics-service";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(15);

    @Override
    public String name() {
        return "rebuild";
    }

    @Override
    public String title() {
        return "Analytics rebuild from the event log";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        long minimum = context.quick() ? 20_000 : 50_000;
        long before;
        long added;
        long caughtUpMillis;
        try (EventLog log = new EventLog(context.kafkaBootstrap())) {
            before = log.records(TOPICS);
            added = Math.max(0, minimum - before);
            long waitStart = System.nanoTime();
            if (added > 0) {
                new SyntheticVisits().publish(context.kafkaBootstrap(), added);
            }
            // The live consumers counting the same visits would otherwise compete with the rebuild for the CPU.
            if (!log.awaitCaughtUp(ANALYTICS_GROUP, TOPICS, CATCH_UP_TIMEOUT)) {
                throw new IllegalStateException(
                        "analytics-service's consumers are still behind after " + CATCH_UP_TIMEOUT);
            }
            caughtUpMillis = (System.nanoTime() - waitStart) / 1_000_000;
        }
        RebuildClient client = new RebuildClient(context.serviceUrl(FaroService.ANALYTICS), context.adminToken());
        RebuildWatch watch = new RebuildWatch();
        watch.saw(Instant.now(), client.start());
        long deadline = System.nanoTime() + REBUILD_TIMEOUT.toNanos();
        RebuildSnapshot latest;
        do {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not finish within " + REBUILD_TIMEOUT);
            }
            Thread.sleep(POLL.toMillis());
            latest = client.latest();
            watch.saw(Instant.now(), latest);
        } while (!latest.finished());
        writeRaw(context, watch, before, added, caughtUpMillis);
        if (RebuildSnapshot.FAILED.equals(latest.state())) {
            throw new IllegalStateException(
                    "the rebuild failed: " + latest.error().orElse("no reason given"));
        }
        List<Figure> figures = figures(latest, watch.swap(), before, added);
        if (added > 0 && caughtUpMillis > 0) {
            figures.add(Figure.info(
                    "live analytics consumers counting the synthetic visits, from the first publish",
                    added / (caughtUpMillis / 1000.0),
                    "events/s"));
        }
        return figures;
    }

    static List<Figure> figures(
            RebuildSnapshot done, Optional<RebuildWatch.SwapBounds> swap, long logBefore, long synthetic) {
        double rate = done.eventsPerSecond();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(
                String.format(Locale.ROOT, "rebuild of %d events, start to swap committed", done.eventsRead()),
                rate,
                "events/s",
                null,
                new Figure.Goal("≥ 20 000 events/s", rate >= GOAL_EVENTS_PER_SECOND)));
        figures.add(Figure.info("rebuild duration", done.elapsed().toMillis() / 1000.0, "s"));
        swap.ifPresent(bounds -> figures.add(Figure.info(
                "swap (live consumers held back), at most", bounds.atMost().toMillis(), "ms")));
        figures.add(Figure.info(
                String.format(Locale.ROOT, "synthetic visits added to a log of %d events", logBefore),
                synthetic,
                "events"));
        return figures;
    }

    private static void writeRaw(BenchContext context, RebuildWatch watch, long before, long added, long caughtUpMillis)
            throws Exception {
        Files.createDirectories(context.rawOutput());
        try (PrintWriter out = new PrintWriter(
                Files.newBufferedWriter(context.rawOutput().resolve("rebuild-polls.txt"), StandardCharsets.UTF_8))) {
            out.printf(
                    Locale.ROOT,
                    "log before: %d events; synthetic visits published: %d; analytics consumers caught up %d ms after the first publish%n",
                    before,
                    added,
                    caughtUpMillis);
            out.println("received_at state events_read events_total started_at finished_at");
            for (RebuildWatch.Observation o : watch.observations()) {
                RebuildSnapshot s = o.snapshot();
                out.printf(
                        Locale.ROOT,
                        "%s %s %d %d %s %s%n",
                        o.at(),
                        s.state(),
                        s.eventsRead(),
                        s.eventsTotal(),
                        s.startedAt(),
                        s.finishedAt().map(Instant::toString).orElse("-"));
            }
            watch.swap()
                    .ifPresent(bounds -> out.printf(
                            Locale.ROOT,
                            "swap between %d and %d ms%n",
                            bounds.atLeast().toMillis(),
                            bounds.atMost().toMillis()));
        }
    }
}
