package dev.faro.bench.endtoend;

import dev.faro.bench.BenchContext;
import dev.faro.bench.Benchmark;
import dev.faro.bench.Figure;
import dev.faro.bench.cpu.CpuSampler;
import dev.faro.bench.load.LoadResult;
import dev.faro.bench.load.OpenModelLoad;
import dev.faro.bench.load.RateLimitCheck;
import dev.faro.bench.load.RequestFactory;
import dev.faro.bench.pipeline.EventListener;
import dev.faro.bench.pipeline.QuietPipeline;
import dev.faro.contract.EventType;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.launcher.FaroService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Leads at a fixed 100/s for 60 s (6 s quick), after an unmeasured warm-up at the same rate and a wait for the
 * pipeline to be quiet again, each with a new address, and for each the time from sending {@code POST /api/leads}
 * to the SMTP sink accepting its incentive email. The load generator gives no per-request answer time, so the clock
 * starts when the request is sent: the figure includes the 202's own latency (shown beside it). Each lead's time is
 * also split into hops by the timestamps of its {@code LeadCaptured} and {@code IncentiveIssued} records on Kafka,
 * and the CPU every process of the stack spent from the first lead to the last email gives the CPU per delivered
 * lead. Then the same measurement at lower rates ({@link RateSweep}) shows which of them the pipeline keeps up with.
 */
public final class EndToEndBenchmark implements Benchmark {

    static final double RATE = 100;
    static final double GOAL_P99_MILLIS = 300;
    private static final int CONNECTIONS = 64;
    private static final Duration FULL_DURATION = Duration.ofSeconds(60);
    private static final Duration FULL_WARM_UP = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long the last leads' emails may take after the load ends before they count as missing. */
    private static final Duration DELIVERY_GRACE = Duration.ofSeconds(60);
    /** How long the listener may lag behind the inbox before a lead's hops count as unknown. */
    private static final Duration EVENTS_GRACE = Duration.ofSeconds(15);

    private static final String SWEEP_FAILURE_FILE = "sweep-failure.txt";

    @Override
    public String name() {
        return "endtoend";
    }

    @Override
    public String title() {
        return "End to end: 202 to SMTP accepted at 100 leads/s";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path raw = context.rawOutput();
        URI leads = context.serviceUrl(FaroService.LEAD).resolve("/api/leads");
        InboxReader inbox = new InboxReader(context.stack().inboxPort());
        String run = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        LeadCaptures captures = new LeadCaptures(new LeadAddresses(run + "w"));
        RequestFactory capture = RequestFactory.postJson(leads, Map.of(), REQUEST_TIMEOUT, captures::body);
        // One load generator for every run, so that the measured ones reuse the warm-up's connections.
        OpenModelLoad generator = new OpenModelLoad(CONNECTIONS, capture, REQUEST_TIMEOUT.plusSeconds(1));
        MeasuredRun measured = new MeasuredRun(
                generator,
                captures,
                inbox,
                CpuSampler.ofStackOrNull(context.stack().run()),
                DELIVERY_GRACE);
        MeasuredRun.Outcome main;
        List<LeadJourney> journeys;
        QuietPipeline.Wait quiet;
        try (EventListener listener = new EventListener(
                context.kafkaBootstrap(),
                "endtoend-hops",
                List.of(EventType.LEAD_CAPTURED, EventType.INCENTIVE_ISSUED))) {
            // Unmeasured: a freshly started stack takes hundreds of leads to compile its hot paths, and the bench's
            // own load generator and listener warm up too; this would otherwise dominate a short run.
            LoadResult warmUp = generator.run(RATE, context.duration(FULL_WARM_UP));
            RateLimitCheck.requireNoThrottling(warmUp);
            // The warm-up's leads are still in the relays, consumers and email ledger: measure none of that.
            quiet = QuietPipeline.await(context, "after the warm-up");
            Files.writeString(
                    raw.resolve("warm-up.txt"),
                    "warm-up (not measured): " + warmUp.summary() + "\n" + quiet.summary("then the pipeline") + "\n");

            main = measured.measure(RATE, context.duration(FULL_DURATION), new LeadAddresses(run), raw);
            System.out.println("  " + main.step().summary());
            journeys = awaitJourneys(context, listener, main.sentAt(), main.messages());
        }
        HopBreakdown hops = HopBreakdown.of(journeys);
        JourneysCsv.write(raw.resolve("journeys.csv"), journeys);
        writeHops(raw, hops);
        Files.writeString(raw.resolve("stage-rates.txt"), StageRates.table(journeys));

        DeliveryLatencies deliveries = main.deliveries();
        LoadResult load = main.load();
        long errors = main.errors();
        List<Figure> figures = new ArrayList<>();
        figures.add(
                Figure.info("p50, sending POST /api/leads to SMTP accepted", deliveries.percentileMillis(50), "ms"));
        figures.add(EndToEndFigures.p99(deliveries.percentileMillis(99), errors));
        figures.add(Figure.info(
                "errors: leads not sent on schedule, failed or non-2xx captures, emails not accepted in 60 s",
                errors,
                "errors"));
        figures.add(Figure.info("leads accepted per second (target 100)", load.achievedRate(), "leads/s"));
        figures.add(Figure.info(
                "p99 of POST /api/leads itself at 100/s (part of the figures above)", load.p99Millis(), "ms"));
        figures.addAll(EndToEndFigures.hops(hops));
        figures.add(Figure.info(
                "wait for a quiet pipeline after the warm-up (not measured)",
                quiet.waited().toMillis() / 1000.0,
                "s"));
        if (main.cpu() != null) {
            figures.addAll(EndToEndFigures.cpu(main.cpu(), deliveries.delivered()));
        }

        List<RateStep> sweep = sweep(context, measured, run);
        List<RateStep> all = new ArrayList<>();
        all.add(main.step());
        all.addAll(sweep);
        Files.writeString(raw.resolve("sweep.txt"), RateSweep.table(all));
        figures.addAll(RateSweep.figures(sweep, all));
        if (sweep.size() < RateSweep.RATES.size()) {
            figures.add(Figure.info(
                    "rate sweep: rates not measured (the sweep failed, see " + SWEEP_FAILURE_FILE + ")",
                    RateSweep.RATES.size() - sweep.size(),
                    "rates"));
        }
        return figures;
    }

    /**
     * The same measurement at each of {@link RateSweep#RATES}, each after a quiet pipeline, with new addresses. A
     * failure ends the sweep without losing the 100/s figures: it goes to {@value #SWEEP_FAILURE_FILE}, and the rates
     * measured until then are returned.
     */
    private static List<RateStep> sweep(BenchContext context, MeasuredRun measured, String run)
            throws IOException, InterruptedException {
        Duration duration = context.duration(RateSweep.FULL_DURATION);
        List<RateStep> steps = new ArrayList<>();
        for (double rate : RateSweep.RATES) {
            String folder = RateSweep.folder(rate);
            try {
                QuietPipeline.await(context, "before " + folder);
                LeadAddresses addresses = new LeadAddresses(run + folder.replace("-", ""));
                MeasuredRun.Outcome outcome = measured.measure(
                        rate, duration, addresses, context.rawOutput().resolve(folder));
                steps.add(outcome.step());
                System.out.println("  " + outcome.step().summary());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                System.err.println("  rate sweep stopped at " + folder + ": " + e.getMessage());
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                Files.writeString(
                        context.rawOutput().resolve(SWEEP_FAILURE_FILE), "stopped at " + folder + ":\n" + trace);
                break;
            }
        }
        return steps;
    }

    /**
     * The journeys of the measured leads, once the listener has both Kafka events of every lead whose email was
     * accepted (both were published before that email was sent), or {@link #EVENTS_GRACE} has passed; then with
     * when incentive- and email-service began their work on each lead.
     */
    private static List<LeadJourney> awaitJourneys(
            BenchContext context, EventListener listener, Map<String, Instant> sentAt, List<InboxMessage> messages)
            throws SQLException, InterruptedException {
        FaroService lead = FaroService.LEAD;
        Map<String, String> leadIds;
        try (Connection connection =
                DriverManager.getConnection(context.jdbcUrl(lead), lead.database(), lead.database())) {
            leadIds = LeadIds.of(connection, LeadAddresses.CAMPAIGN, sentAt.keySet());
        }
        long deadline = System.nanoTime() + EVENTS_GRACE.toNanos();
        List<EventListener.Arrival> arrivals = listener.arrivals();
        while (System.nanoTime() < deadline
                && eventsMissing(LeadJourneys.assemble(sentAt, leadIds, arrivals, messages, ServiceStamps.none()))) {
            Thread.sleep(100);
            arrivals = listener.arrivals();
        }
        Set<String> measuredLeads = new HashSet<>(leadIds.values());
        Map<String, String> incentiveEvents = new HashMap<>();
        for (EventListener.Arrival arrival : arrivals) {
            if (arrival.type() == EventType.INCENTIVE_ISSUED && measuredLeads.contains(arrival.key())) {
                incentiveEvents.put(arrival.eventId().toString(), arrival.key());
            }
        }
        FaroService incentive = FaroService.INCENTIVE;
        FaroService email = FaroService.EMAIL;
        ServiceStamps stamps;
        try (Connection incentiveDb = DriverManager.getConnection(
                        context.jdbcUrl(incentive), incentive.database(), incentive.database());
                Connection emailDb =
                        DriverManager.getConnection(context.jdbcUrl(email), email.database(), email.database())) {
            stamps = ServiceStamps.read(incentiveDb, emailDb, incentiveEvents);
        }
        return LeadJourneys.assemble(sentAt, leadIds, arrivals, messages, stamps);
    }

    /** Whether a lead whose email was accepted still lacks an event (both were published before that email). */
    private static boolean eventsMissing(List<LeadJourney> journeys) {
        return journeys.stream().anyMatch(journey -> journey.smtpAcceptedMicros() != null && !journey.complete());
    }

    private static void writeHops(Path raw, HopBreakdown hops) throws IOException {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "leads with every stamp %d; the slowest of them (the end-to-end p99's and slower) %d; ms:%n",
                hops.complete(),
                hops.tailCount()));
        for (LeadJourney.Hop hop : LeadJourney.Hop.values()) {
            text.append(String.format(
                    Locale.ROOT,
                    "%s: p50 %.1f p90 %.1f p99 %.1f max %.1f; median among the slowest %.1f%n",
                    hop.description(),
                    hops.percentileMillis(hop, 50),
                    hops.percentileMillis(hop, 90),
                    hops.percentileMillis(hop, 99),
                    hops.percentileMillis(hop, 100),
                    hops.tailMedianMillis(hop)));
        }
        text.append("split where each service's consumer began its transaction (created_at of its row):\n");
        for (LeadJourney.Split split : LeadJourney.Split.values()) {
            text.append(String.format(
                    Locale.ROOT,
                    "%s: p50 %.1f p90 %.1f p99 %.1f max %.1f (%d leads)%n",
                    split.description(),
                    hops.percentileMillis(split, 50),
                    hops.percentileMillis(split, 90),
                    hops.percentileMillis(split, 99),
                    hops.percentileMillis(split, 100),
                    hops.splitCount(split)));
        }
        Files.writeString(raw.resolve("hops.txt"), text.toString());
    }
}
