package dev.faro.bench.publication;

import dev.faro.bench.BenchContext;
import dev.faro.bench.load.LoadResult;
import dev.faro.bench.load.OpenModelLoad;
import dev.faro.bench.load.RateLimitCheck;
import dev.faro.bench.load.RequestFactory;
import dev.faro.bench.pipeline.EventListener;
import dev.faro.contract.EventType;
import dev.faro.local.launcher.FaroService;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Captures leads at a modest fixed rate and times each {@code LeadCaptured} from its commit in lead-service's
 * database to its arrival at a consumer reading {@code faro.leads}: the outbox relay's publication lag as a
 * downstream service sees it.
 */
final class CommitLag {

    /**
     * Enough that slow answers on a loaded machine (a second and more, seen on a freshly started stack) do not hold
     * the capture below its rate; the point is the relay, not the HTTP side.
     */
    private static final int CONNECTIONS = 16;

    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(15);

    /**
     * @param samples one per measured event both seen on Kafka and found in the outbox
     * @param warmUp the unmeasured load before, at the same rate with the listener open
     * @param capture the HTTP load that produced the measured leads
     * @param commitSource what stood in for the commit time
     * @param unseen accepted leads of the measured load whose event did not reach the listener in time
     */
    record Result(
            List<LagSample> samples,
            LoadResult warmUp,
            LoadResult capture,
            CommitTimes.Source commitSource,
            long unseen) {}

    private final BenchContext context;
    private final double rate;
    private final Duration warmUp;
    private final Duration duration;

    CommitLag(BenchContext context, double rate, Duration warmUp, Duration duration) {
        this.context = context;
        this.rate = rate;
        this.warmUp = warmUp;
        this.duration = duration;
    }

    Result measure() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        URI leads = context.serviceUrl(FaroService.LEAD).resolve("/api/leads");
        // The warm-up's leads get addresses of their own: the load numbers each run's requests from 0 again.
        AtomicReference<String> addressPrefix = new AtomicReference<>(run + "-warm");
        RequestFactory requests = RequestFactory.postJson(
                leads, Map.of(), Duration.ofSeconds(10), sequence -> leadJson(addressPrefix.get(), sequence));
        OpenModelLoad load = new OpenModelLoad(CONNECTIONS, requests);
        LoadResult warmUpLoad;
        LoadResult capture;
        long measuredFromMicros;
        List<EventListener.Arrival> arrivals;
        try (EventListener listener =
                new EventListener(context.kafkaBootstrap(), "publication-lag", List.of(EventType.LEAD_CAPTURED))) {
            // Unmeasured: the first second or two of a run show the bench JVM's own load generator and listener
            // warming up (hundreds of milliseconds of lag), which would otherwise be most of a short run's p99.
            warmUpLoad = load.run(rate, warmUp);
            RateLimitCheck.requireNoThrottling(warmUpLoad);
            addressPrefix.set(run);
            measuredFromMicros = EventListener.epochMicros(Instant.now());
            capture = load.run(rate, duration);
            RateLimitCheck.requireNoThrottling(capture);
            long expected = warmUpLoad.successful() + capture.successful();
            long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
            while (listener.received() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            arrivals = listener.arrivals();
        }
        FaroService lead = FaroService.LEAD;
        try (Connection connection =
                DriverManager.getConnection(context.jdbcUrl(lead), lead.database(), lead.database())) {
            CommitTimes commits = new CommitTimes(connection);
            Map<UUID, Long> committed = commits.of(
                    arrivals.stream().map(EventListener.Arrival::eventId).toList());
            List<LagSample> samples = measuredSamples(arrivals, committed, measuredFromMicros);
            long unseen = Math.max(0, capture.successful() - samples.size());
            return new Result(samples, warmUpLoad, capture, commits.source(), unseen);
        }
    }

    /**
     * The samples of events committed once the measured load had begun; the warm-up's leads all committed before
     * (its load returns when every request is answered), whichever stand-in the commit time is.
     */
    static List<LagSample> measuredSamples(
            List<EventListener.Arrival> arrivals, Map<UUID, Long> committed, long measuredFromMicros) {
        List<LagSample> samples = new ArrayList<>();
        for (EventListener.Arrival arrival : arrivals) {
            Long commit = committed.get(arrival.eventId());
            if (commit != null && commit >= measuredFromMicros) {
                samples.add(new LagSample(
                        arrival.eventId(), commit, arrival.recordTimestampMicros(), arrival.seenMicros()));
            }
        }
        return samples;
    }

    /** A new address per request, so every request is a new lead with its own event. */
    static String leadJson(String prefix, long sequence) {
        return "{\"email\":\"bench-lag-" + prefix + "-" + sequence + "@example.org\",\"name\":\"Bench Lag\","
                + "\"campaign\":\"demo\",\"consent\":{\"marketing\":false},\"locale\":\"en\"}";
    }
}
