package dev.faro.lead.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * Token-bucket limits on the public endpoints. The defaults are far above what a landing page sends (one
 * submission per person, a few page views) and far below what a bot sends.
 *
 * <p>Every limit is per instance: the buckets live in memory, so N replicas behind a load balancer admit up to
 * N times each limit. Size the limits for one replica knowing that.
 */
@ConfigMapping(prefix = "faro.rate-limit")
public interface RateLimitConfig {

    /** Switches every rate limit off (the body size limit stays). */
    @WithDefault("true")
    boolean enabled();

    /** {@code POST /api/leads} per client address. */
    LeadPerClient leadPerClient();

    /** {@code POST /api/leads} per campaign, whoever submits: caps a flood spread over many addresses. */
    LeadPerCampaign leadPerCampaign();

    /** {@code POST /api/visits} per client address; higher, since one person views several pages. */
    VisitPerClient visitPerClient();

    /** {@code POST /api/privacy/erasure-requests} per client address: each one may send email, so few. */
    ErasureRequestPerClient erasureRequestPerClient();

    /**
     * Keys (addresses or campaigns) each limit tracks at most, at roughly 150 bytes each. At the cap a limit
     * first forgets idle buckets (those already refilled, which lose nothing by going), then arbitrary ones: a
     * flood of distinct addresses costs this much memory and no more, and makes the limiter lenient rather
     * than refusing real visitors.
     */
    @WithDefault("50000")
    @Positive
    int maxTrackedKeys();

    /** A sustained rate of {@code requests} per {@code period}, of which up to {@code burst} may come at once. */
    interface Limit {
        int requests();

        Duration period();

        int burst();
    }

    interface LeadPerClient extends Limit {
        @Override
        @WithDefault("10")
        @Positive
        int requests();

        @Override
        @WithDefault("1m")
        Duration period();

        @Override
        @WithDefault("5")
        @Positive
        int burst();
    }

    interface LeadPerCampaign extends Limit {
        @Override
        @WithDefault("600")
        @Positive
        int requests();

        @Override
        @WithDefault("1m")
        Duration period();

        @Override
        @WithDefault("100")
        @Positive
        int burst();
    }

    interface VisitPerClient extends Limit {
        @Override
        @WithDefault("120")
        @Positive
        int requests();

        @Override
        @WithDefault("1m")
        Duration period();

        @Override
        @WithDefault("30")
        @Positive
        int burst();
    }

    interface ErasureRequestPerClient extends Limit {
        @Override
        @WithDefault("10")
        @Positive
        int requests();

        @Override
        @WithDefault("1h")
        Duration period();

        @Override
        @WithDefault("3")
        @Positive
        int burst();
    }
}
