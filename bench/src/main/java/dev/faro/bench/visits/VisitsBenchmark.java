package dev.faro.bench.visits;

import dev.faro.bench.BenchContext;
import dev.faro.bench.Benchmark;
import dev.faro.bench.Figure;
import dev.faro.bench.cpu.CpuFigures;
import dev.faro.bench.cpu.CpuSampler;
import dev.faro.bench.cpu.CpuSnapshot;
import dev.faro.bench.cpu.CpuUsage;
import dev.faro.bench.load.LoadResult;
import dev.faro.bench.load.OpenModelLoad;
import dev.faro.bench.load.RateLimitCheck;
import dev.faro.bench.load.RequestFactory;
import dev.faro.bench.load.SustainRule;
import dev.faro.bench.load.SustainedRate;
import dev.faro.local.launcher.FaroService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The highest rate of {@code POST /api/visits} lead-service sustains at 64 connections, beside the highest rate of
 * {@code POST /api/bench/noop} (the same HTTP path minus the visit's work) under the same load: the HTTP ceiling of
 * the same process. The stack must run with {@code FARO_BENCH_NOOP_ENDPOINT=true} (the no-op endpoint) and {@code
 * FARO_RATE_LIMIT_ENABLED=false} (the per-client visit limit would refuse the load).
 */
public final class VisitsBenchmark implements Benchmark {

    static final int CONNECTIONS = 64;
    static final double GOAL_RATIO = 0.8;
    private static final double START_RATE = 1000;
    private static final double MAX_RATE = 60_000;
    private static final Duration FULL_STEP = Duration.ofSeconds(20);
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final double WARM_UP_RATE = 500;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** The producer lingers and batches: a moment for the last visits' acknowledgements to be counted. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "visits";
    }

    @Override
    public String title() {
        return "Visits beacon: sustained rate against a no-op endpoint of the same service";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        URI lead = context.serviceUrl(FaroService.LEAD);
        URI visits = lead.resolve("/api/visits");
        URI noop = lead.resolve("/api/bench/noop");
        BeaconBody body = new BeaconBody(ThreadLocalRandom.current().nextLong());
        requireServedAsBenchmarked(visits, noop, body);
        Path log = context.rawOutput().resolve("steps.txt");
        Duration step = context.duration(FULL_STEP);

        CpuSampler cpu = CpuSampler.ofStackOrNull(context.stack().run());

        // The no-op first, so a visits run cannot leave producer work behind that slows the ceiling down.
        Search ceilingSearch = search("noop", noop, body, step, log, context, cpu);
        VisitCounters before = counters(lead);
        Search beaconSearch = search("visits", visits, body, step, log, context, cpu);
        Thread.sleep(SETTLE.toMillis());
        VisitCounters during = counters(lead).minus(before);
        SustainedRate.Outcome ceiling = ceilingSearch.outcome();
        SustainedRate.Outcome beacon = beaconSearch.outcome();

        List<Figure> figures = new ArrayList<>();
        figures.add(VisitFigures.sustainedRate(beacon.rate(), ceiling.rate(), CONNECTIONS));
        if (beacon.best() != null) {
            LoadResult best = beacon.best().result();
            figures.add(Figure.info("p50 of POST /api/visits at that rate", best.p50Millis(), "ms"));
            figures.add(Figure.info("p99 of POST /api/visits at that rate", best.p99Millis(), "ms"));
        }
        figures.add(Figure.info(
                "visits published to Kafka during the visits search (faro_visits_published_total)",
                during.published(),
                "visits"));
        figures.add(Figure.info(
                "visits dropped during the visits search (faro_visits_dropped_total, all reasons)",
                during.dropped(),
                "visits"));
        if (ceilingSearch.cpuOfBest() != null) {
            figures.addAll(VisitFigures.noopCpu(
                    ceilingSearch.cpuOfBest(), ceiling.best().result().successful()));
        }
        if (beaconSearch.cpuOfBest() != null) {
            figures.addAll(VisitFigures.visitCpu(
                    beaconSearch.cpuOfBest(), beacon.best().result().successful()));
        }
        append(log, "rule: " + beacon.rule() + "\nvisits counters during the visits search: " + during + "\n");
        return figures;
    }

    /** A search's outcome and the CPU its best step cost (null without a sampler or a sustained step). */
    private record Search(SustainedRate.Outcome outcome, CpuUsage cpuOfBest) {}

    /**
     * Finds the highest sustained rate of one endpoint; with a sampler, measures every step's CPU and writes the best
     * step's account to {@code <label>-cpu.txt}.
     */
    private static Search search(
            String label, URI uri, BeaconBody body, Duration step, Path log, BenchContext context, CpuSampler cpu)
            throws Exception {
        Map<LoadResult, CpuUsage> cpuByStep = new IdentityHashMap<>();
        OpenModelLoad load = new OpenModelLoad(
                CONNECTIONS,
                RequestFactory.postJson(uri, Map.of(), REQUEST_TIMEOUT, body::forSequence),
                REQUEST_TIMEOUT.plusSeconds(1));
        LoadResult warmUp = load.run(WARM_UP_RATE, WARM_UP);
        append(log, label + " warm-up: " + warmUp.summary() + "\n");
        RateLimitCheck.requireNoThrottling(warmUp);
        SustainedRate.Outcome outcome = SustainedRate.from(START_RATE, MAX_RATE, SustainRule.DEFAULT)
                .search(rate -> {
                    CpuSnapshot start = cpu == null ? null : cpu.sample();
                    LoadResult result = load.run(rate, step);
                    if (cpu != null) {
                        cpuByStep.put(result, CpuUsage.between(start, cpu.sample()));
                    }
                    append(log, label + " step: " + result.summary() + "\n");
                    result.writePercentiles(
                            context.rawOutput().resolve(String.format(Locale.ROOT, "%s-%.0f.hgrm", label, rate)));
                    RateLimitCheck.requireNoThrottling(result);
                    return result;
                });
        append(log, String.format(Locale.ROOT, "%s: highest sustained rate %.0f/s%n", label, outcome.rate()));
        CpuUsage cpuOfBest =
                outcome.best() == null ? null : cpuByStep.get(outcome.best().result());
        if (cpuOfBest != null) {
            Files.writeString(
                    context.rawOutput().resolve(label + "-cpu.txt"),
                    CpuFigures.table(cpuOfBest, outcome.best().result().successful(), "request"));
        }
        return new Search(outcome, cpuOfBest);
    }

    /** The visit endpoint answers, and the no-op endpoint exists in this process. */
    private static void requireServedAsBenchmarked(URI visits, URI noop, BeaconBody body)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        int noopStatus = post(client, noop, body.forSequence(-1));
        if (noopStatus == 404) {
            throw new IllegalStateException("lead-service has no no-op endpoint (POST /api/bench/noop answered 404):"
                    + " restart the stack with FARO_BENCH_NOOP_ENDPOINT=true FARO_RATE_LIMIT_ENABLED=false"
                    + " ./faro up --detach");
        }
        int visitStatus = post(client, visits, body.forSequence(-2));
        if (noopStatus != 202 || visitStatus != 202) {
            throw new IllegalStateException("expected 202 from both endpoints, got " + noopStatus + " from " + noop
                    + " and " + visitStatus + " from " + visits);
        }
    }

    private static int post(HttpClient client, URI uri, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static VisitCounters counters(URI lead) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(lead.resolve("/q/metrics"))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        String scrape = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
        return VisitCounters.from(scrape);
    }

    private static void append(Path log, String text) throws IOException {
        Files.writeString(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
