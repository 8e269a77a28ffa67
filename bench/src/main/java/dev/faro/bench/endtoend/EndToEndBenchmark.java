package dev.faro.bench.endtoend;

import dev.faro.bench.BenchContext;
import dev.faro.bench.Benchmark;
import dev.faro.bench.Figure;
import dev.faro.bench.load.LoadResult;
import dev.faro.bench.load.OpenModelLoad;
import dev.faro.bench.load.RequestFactory;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.launcher.FaroService;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Leads at a fixed 100/s for 60 s (6 s quick), after an unmeasured warm-up at the same rate, each with a new address, and for each the time from sending {@code
 * POST /api/leads} to the SMTP sink accepting its incentive email. The load generator gives no per-request answer
 * time, so the clock starts when the request is sent: the figure includes the 202's own latency (shown beside it,
 * a few milliseconds at this rate), an upper bound of the 202-to-SMTP time by that much.
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
    /** How long to wait for work left by earlier benchmarks (their leads' emails) before measuring. */
    private static final Duration QUIET_WAIT = Duration.ofMinutes(5);

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
        LeadAddresses addresses = new LeadAddresses(run);

        // Unmeasured: a freshly started stack takes hundreds of leads to compile its hot paths, which would
        // otherwise dominate a short run.
        LeadAddresses warmUpAddresses = new LeadAddresses(run + "w");
        LoadResult warmUp = new OpenModelLoad(
                        CONNECTIONS,
                        RequestFactory.postJson(leads, Map.of(), REQUEST_TIMEOUT, warmUpAddresses::captureBody),
                        REQUEST_TIMEOUT.plusSeconds(1))
                .run(RATE, context.duration(FULL_WARM_UP));
        stopOnRateLimit(warmUp);
        Duration quiet = awaitQuiet(leads, new LeadAddresses(run + "q"), inbox);
        Files.writeString(
                raw.resolve("warm-up.txt"),
                "warm-up: " + warmUp.summary() + "\nthen a probe lead's email took " + quiet.toMillis() + " ms\n");

        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        RequestFactory capture = RequestFactory.postJson(leads, Map.of(), REQUEST_TIMEOUT, sequence -> {
            sentAt.put(addresses.address(sequence), Instant.now());
            return addresses.captureBody(sequence);
        });
        Duration duration = context.duration(FULL_DURATION);
        LoadResult load = new OpenModelLoad(CONNECTIONS, capture, REQUEST_TIMEOUT.plusSeconds(1)).run(RATE, duration);
        Files.writeString(raw.resolve("load.txt"), load.summary() + "\n");
        load.writePercentiles(raw.resolve("post-leads.hgrm"));
        stopOnRateLimit(load);

        List<InboxMessage> messages =
                inbox.awaitUntil(InboxReader.allDelivered(sentAt), Instant.now().plus(DELIVERY_GRACE));
        DeliveryLatencies deliveries = DeliveryLatencies.of(sentAt, messages);
        writeDeliveries(raw, deliveries);

        long errors = EndToEndFigures.errors(load, deliveries.missing());
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
        return figures;
    }

    private static void stopOnRateLimit(LoadResult result) {
        if (result.statusCounts().containsKey(429)) {
            throw new IllegalStateException("lead-service answered 429 (rate limited): restart the stack with"
                    + " FARO_RATE_LIMIT_ENABLED=false ./faro up --detach");
        }
    }

    /**
     * Sends one lead and waits for its email, so that the run does not measure a backlog earlier benchmarks left in
     * the pipeline (their leads go through incentive- and email-service too). Returns how long that took.
     */
    private static Duration awaitQuiet(URI leads, LeadAddresses probe, InboxReader inbox)
            throws IOException, InterruptedException {
        Instant sent = Instant.now();
        HttpRequest request = HttpRequest.newBuilder(leads)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(probe.captureBody(0)))
                .build();
        int status = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 202) {
            throw new IllegalStateException("the probe lead got " + status + " from " + leads + ", not 202");
        }
        Map<String, Instant> probeSent = Map.of(probe.address(0), sent);
        List<InboxMessage> messages = inbox.awaitUntil(InboxReader.allDelivered(probeSent), sent.plus(QUIET_WAIT));
        if (DeliveryLatencies.of(probeSent, messages).missing() > 0) {
            throw new IllegalStateException("the probe lead's email did not arrive within " + QUIET_WAIT.toMinutes()
                    + " min: is email-service working through a backlog? see its log");
        }
        return Duration.between(sent, Instant.now());
    }

    private static void writeDeliveries(Path raw, DeliveryLatencies deliveries) throws IOException {
        String summary = String.format(
                Locale.ROOT,
                "leads sent %d, emails accepted %d, missing %d; send to SMTP accepted ms: p50 %.1f p90 %.1f p99 %.1f"
                        + " max %.1f%n",
                deliveries.expected(),
                deliveries.delivered(),
                deliveries.missing(),
                deliveries.percentileMillis(50),
                deliveries.percentileMillis(90),
                deliveries.percentileMillis(99),
                deliveries.maxMillis());
        Files.writeString(raw.resolve("deliveries.txt"), summary);
        try (PrintStream out =
                new PrintStream(Files.newOutputStream(raw.resolve("deliveries.hgrm")), false, StandardCharsets.UTF_8)) {
            deliveries.histogram().outputPercentileDistribution(out, 5, 1000.0);
        }
    }
}
