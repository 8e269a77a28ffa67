package dev.faro.bench.drain;

import dev.faro.bench.BenchContext;
import dev.faro.bench.Benchmark;
import dev.faro.bench.Figure;
import dev.faro.bench.StackPids;
import dev.faro.bench.load.LoadResult;
import dev.faro.bench.load.OpenModelLoad;
import dev.faro.bench.load.RequestFactory;
import dev.faro.local.launcher.FaroService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * How fast one replica of each consuming service works off a backlog, the figure that sizes the topics'
 * partitions: the three consumers are paused (SIGSTOP), leads are captured until their events are all on Kafka,
 * and then each service is resumed alone, in pipeline order, and timed until its counters stop moving. Each one
 * has the machine to itself while it drains, apart from the broker and the database.
 */
public class DrainBenchmark implements Benchmark {

    private static final double CAPTURE_RATE = 200;
    private static final int CONNECTIONS = 16;
    private static final Duration POLL = Duration.ofMillis(100);
    /** A consumer that has not moved for this long after it started has finished its backlog. */
    private static final Duration SETTLED = Duration.ofSeconds(5);
    /** Rejoining the group after the pause may take a session timeout. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

    /** One measured counter of a resumed service. */
    private record Watched(String measure, String unit, ToDoubleFunction<String> counter) {}

    @Override
    public String name() {
        return "drain";
    }

    @Override
    public String title() {
        return "Consumers working off a backlog, one replica each";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Duration captureTime = context.duration(Duration.ofSeconds(30));
        Map<String, Long> pids = StackPids.read(context.stack().run());
        Map<String, Long> consumers = new LinkedHashMap<>();
        for (FaroService service : List.of(FaroService.INCENTIVE, FaroService.EMAIL, FaroService.ANALYTICS)) {
            Long pid = pids.get(service.directory());
            if (pid == null) {
                throw new IllegalStateException(service.directory() + " has no pid in .faro/run/pids");
            }
            consumers.put(service.directory(), pid);
        }
        Path log = context.rawOutput().resolve("drain.txt");
        List<Figure> figures = new ArrayList<>();
        ServiceCounters counters = new ServiceCounters();
        try (FrozenServices frozen = new FrozenServices(consumers)) {
            LoadResult capture = capture(context, captureTime);
            long leads = capture.successful();
            if (capture.errorCount() > 0 || capture.non2xx() > 0) {
                throw new IllegalStateException("the backlog's capture failed: " + capture.summary());
            }
            awaitOutboxSent(context);
            append(log, "backlog: " + leads + " leads (" + capture.summary() + ")\n");
            figures.add(Figure.info("leads in the backlog", leads, "leads"));

            figures.addAll(drain(
                    context,
                    frozen,
                    counters,
                    FaroService.INCENTIVE,
                    leads,
                    log,
                    List.of(new Watched(
                            "incentive-service, LeadCaptured handled", "events/s", ServiceCounters::appliedEvents))));
            figures.addAll(drain(
                    context,
                    frozen,
                    counters,
                    FaroService.EMAIL,
                    leads,
                    log,
                    List.of(
                            new Watched(
                                    "email-service, events handled (lead, key, incentive)",
                                    "events/s",
                                    ServiceCounters::appliedEvents),
                            new Watched(
                                    "email-service, incentive emails accepted by SMTP",
                                    "emails/s",
                                    ServiceCounters::incentiveEmailsSent))));
            figures.addAll(drain(
                    context,
                    frozen,
                    counters,
                    FaroService.ANALYTICS,
                    leads,
                    log,
                    List.of(new Watched(
                            "analytics-service, events counted (lead, incentive, email)",
                            "events/s",
                            ServiceCounters::appliedEvents))));
        }
        return figures;
    }

    private static LoadResult capture(BenchContext context, Duration duration) throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        URI leads = context.serviceUrl(FaroService.LEAD).resolve("/api/leads");
        RequestFactory requests = RequestFactory.postJson(
                leads,
                Map.of(),
                Duration.ofSeconds(10),
                sequence -> "{\"email\":\"bench-drain-" + run + "-" + sequence + "@example.org\",\"name\":\"Bench"
                        + " Drain\",\"campaign\":\"demo\",\"consent\":{\"marketing\":false},\"locale\":\"en\"}");
        return new OpenModelLoad(CONNECTIONS, requests).run(CAPTURE_RATE, duration);
    }

    /** Until lead-service's relay has published every event of the backlog. */
    private static void awaitOutboxSent(BenchContext context) throws Exception {
        FaroService lead = FaroService.LEAD;
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        try (Connection connection =
                        DriverManager.getConnection(context.jdbcUrl(lead), lead.database(), lead.database());
                Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet unsent =
                        statement.executeQuery("select count(*) from outbox_event where sent_at is null")) {
                    unsent.next();
                    if (unsent.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("lead-service's outbox did not empty in " + DRAIN_TIMEOUT);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static List<Figure> drain(
            BenchContext context,
            FrozenServices frozen,
            ServiceCounters counters,
            FaroService service,
            long leads,
            Path log,
            List<Watched> watched)
            throws Exception {
        URI url = context.serviceUrl(service);
        List<DrainTimeline> timelines = new ArrayList<>();
        watched.forEach(w -> timelines.add(new DrainTimeline()));
        frozen.resume(service.directory());
        long resumed = System.nanoTime();
        while (true) {
            String scrape = scrapeWhenAnswering(counters, url, resumed);
            long now = System.nanoTime();
            for (int i = 0; i < watched.size(); i++) {
                timelines.get(i).add(now, watched.get(i).counter().applyAsDouble(scrape));
            }
            if (timelines.stream().allMatch(DrainBenchmark::settled)) {
                break;
            }
            if (now - resumed > DRAIN_TIMEOUT.toNanos()) {
                throw new IllegalStateException(service.directory() + " was still working after " + DRAIN_TIMEOUT);
            }
            if (now - resumed > START_TIMEOUT.toNanos() && timelines.stream().noneMatch(DrainTimeline::started)) {
                throw new IllegalStateException(
                        service.directory() + " did not start on its backlog in " + START_TIMEOUT);
            }
            Thread.sleep(POLL.toMillis());
        }
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < watched.size(); i++) {
            DrainTimeline timeline = timelines.get(i);
            Watched what = watched.get(i);
            figures.add(Figure.info(what.measure(), timeline.ratePerSecond(), what.unit()));
            append(
                    log,
                    String.format(
                            "%s: %.0f done, %.1f %s, first progress %.1f s after SIGCONT (%d leads in the backlog)%n",
                            what.measure(),
                            timeline.done(),
                            timeline.ratePerSecond(),
                            what.unit(),
                            timeline.secondsToStart(),
                            leads));
        }
        return figures;
    }

    /** A process just resumed may take a moment to answer HTTP again. */
    private static String scrapeWhenAnswering(ServiceCounters counters, URI url, long resumed) throws Exception {
        while (true) {
            try {
                return counters.scrape(url);
            } catch (java.io.IOException | IllegalStateException notYet) {
                if (System.nanoTime() - resumed > START_TIMEOUT.toNanos()) {
                    throw notYet;
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static boolean settled(DrainTimeline timeline) {
        return timeline.started() && timeline.nanosSinceLastProgress() >= SETTLED.toNanos();
    }

    private static void append(Path log, String text) throws java.io.IOException {
        Files.writeString(log, text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
