package dev.faro.lead.abuse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rate limits of the public endpoints. Per-address limits are applied by {@link ClientRateLimit} before a
 * request's body is read; the per-campaign limit needs the parsed body and is applied by {@link
 * CampaignRateLimit} before the resource runs. All buckets are in memory, so every limit is per instance
 * (N replicas admit N times the limit).
 */
@ApplicationScoped
public class RateLimits {

    // The capture contract's campaign id. Anything else fails validation anyway, and must not become a key:
    // a key is kept in memory, and a client could otherwise make it 64 KB long.
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final boolean enabled;
    private final Map<RateLimit, Enforced> limits = new EnumMap<>(RateLimit.class);
    private final MeterRegistry registry;
    private final List<Gauge> gauges = new ArrayList<>();

    private record Enforced(RateLimitConfig.Limit config, TokenBuckets buckets, Counter refusals) {}

    public RateLimits(RateLimitConfig config, MeterRegistry meters) {
        this.enabled = config.enabled();
        this.registry = meters;
        enforce(RateLimit.LEAD_PER_CLIENT, config.leadPerClient(), config.maxTrackedKeys(), meters);
        enforce(RateLimit.LEAD_PER_CAMPAIGN, config.leadPerCampaign(), config.maxTrackedKeys(), meters);
        enforce(RateLimit.VISIT_PER_CLIENT, config.visitPerClient(), config.maxTrackedKeys(), meters);
        enforce(
                RateLimit.ERASURE_REQUEST_PER_CLIENT,
                config.erasureRequestPerClient(),
                config.maxTrackedKeys(),
                meters);
    }

    /**
     * Admits one lead submission to {@code campaign}, or throws {@link RateLimited} (mapped to a 429 with
     * Retry-After). Call it after the body is parsed and before anything touches the database.
     */
    public void admitLeadForCampaign(String campaign) {
        if (campaign != null && CAMPAIGN_ID.matcher(campaign).matches()) {
            admit(RateLimit.LEAD_PER_CAMPAIGN, campaign);
        }
    }

    /** Takes a token from {@code key}'s bucket of {@code limit}, or throws {@link RateLimited}. */
    void admit(RateLimit limit, String key) {
        if (!enabled) {
            return;
        }
        Enforced enforced = limits.get(limit);
        TokenBuckets.Admission admission = enforced.buckets().tryTake(key);
        if (admission.admitted()) {
            return;
        }
        enforced.refusals().increment();
        RateLimitConfig.Limit config = enforced.config();
        String detail = "Too many %s: at most %d per %s, %d at once (limit %s). Retry after %d s."
                .formatted(
                        limit.what(),
                        config.requests(),
                        per(config.period()),
                        config.burst(),
                        limit.key(),
                        admission.retryAfterSeconds());
        throw new RateLimited(limit, detail, admission.retryAfterSeconds());
    }

    /** The registry can outlive this bean (a restarted application in one JVM): leave no stale gauge. */
    @PreDestroy
    void unregisterGauges() {
        gauges.forEach(registry::remove);
    }

    /** Memory is bounded by the key cap anyway; this returns it once a flood is over. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evictIdle() {
        limits.values().forEach(enforced -> enforced.buckets().evictIdle());
    }

    private void enforce(RateLimit limit, RateLimitConfig.Limit config, int maxKeys, MeterRegistry meters) {
        TokenBuckets buckets =
                new TokenBuckets(config.requests(), config.period(), config.burst(), maxKeys, System::nanoTime);
        Counter refusals = Counter.builder("faro.rate.limited")
                .description("Requests refused with 429 by a rate limit")
                .tag("limit", limit.key())
                .register(meters);
        gauges.add(Gauge.builder("faro.rate.limit.tracked.keys", buckets, TokenBuckets::trackedKeys)
                .description("Addresses or campaigns a rate limit currently holds a bucket for")
                .tag("limit", limit.key())
                .register(meters));
        limits.put(limit, new Enforced(config, buckets, refusals));
    }

    /** "minute", "10 seconds", "2 hours": the period as a person would say it. */
    static String per(Duration period) {
        if (period.getNano() != 0) {
            return period.toMillis() + " ms";
        }
        long seconds = period.getSeconds();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] names = {"day", "hour", "minute", "second"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds % sizes[i] == 0) {
                long count = seconds / sizes[i];
                return count == 1 ? names[i] : count + " " + names[i] + "s";
            }
        }
        throw new IllegalStateException("unreachable: every whole number of seconds is a multiple of one second");
    }
}
