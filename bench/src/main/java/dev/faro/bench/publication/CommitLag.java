package dev.faro.bench.publication;

import dev.faro.bench.BenchContext;
import dev.faro.bench.load.LoadResult;
import dev.faro.bench.load.OpenModelLoad;
import dev.faro.bench.load.RequestFactory;
import dev.faro.contract.Topics;
import dev.faro.local.launcher.FaroService;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
     * @param samples one per event both seen on Kafka and found in the outbox
     * @param capture the HTTP load that produced the leads
     * @param commitSource what stood in for the commit time
     * @param unseen accepted leads whose event did not reach the listener in time
     */
    record Result(List<LagSample> samples, LoadResult capture, CommitTimes.Source commitSource, long unseen) {}

    private final BenchContext context;
    private final double rate;
    private final Duration duration;

    CommitLag(BenchContext context, double rate, Duration duration) {
        this.context = context;
        this.rate = rate;
        this.duration = duration;
    }

    Result measure() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        URI leads = context.serviceUrl(FaroService.LEAD).resolve("/api/leads");
        RequestFactory requests =
                RequestFactory.postJson(leads, Map.of(), Duration.ofSeconds(10), sequence -> leadJson(run, sequence));
        LoadResult capture;
        Map<UUID, LeadCapturedListener.Arrival> arrivals;
        try (LeadCapturedListener listener = new LeadCapturedListener(context.kafkaBootstrap(), Topics.LEADS.name())) {
            capture = new OpenModelLoad(CONNECTIONS, requests).run(rate, duration);
            RateLimitCheck.requireNoThrottling(capture);
            long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
            while (listener.received() < capture.successful() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            arrivals = listener.arrivals();
        }
        FaroService lead = FaroService.LEAD;
        try (Connection connection =
                DriverManager.getConnection(context.jdbcUrl(lead), lead.database(), lead.database())) {
            CommitTimes commits = new CommitTimes(connection);
            Map<UUID, Long> committed = commits.of(arrivals.keySet());
            List<LagSample> samples = new ArrayList<>();
            arrivals.forEach((id, arrival) -> {
                Long commit = committed.get(id);
                if (commit != null) {
                    samples.add(new LagSample(id, commit, arrival.recordTimestampMicros(), arrival.seenMicros()));
                }
            });
            long unseen = Math.max(0, capture.successful() - samples.size());
            return new Result(samples, capture, commits.source(), unseen);
        }
    }

    /** A new address per request, so every request is a new lead with its own event. */
    static String leadJson(String run, long sequence) {
        return "{\"email\":\"bench-lag-" + run + "-" + sequence + "@example.org\",\"name\":\"Bench Lag\","
                + "\"campaign\":\"demo\",\"consent\":{\"marketing\":false},\"locale\":\"en\"}";
    }
}
