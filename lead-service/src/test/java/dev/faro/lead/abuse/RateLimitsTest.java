package dev.faro.lead.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aRefusalNamesTheLimitAndIsCounted() {
        RateLimits limits = limits(Map.of());
        for (int i = 0; i < 5; i++) {
            limits.admit(RateLimit.LEAD_PER_CLIENT, "203.0.113.7");
        }

        RateLimited refused =
                catchThrowableOfType(RateLimited.class, () -> limits.admit(RateLimit.LEAD_PER_CLIENT, "203.0.113.7"));

        assertThat(refused.problem().status()).isEqualTo(429);
        assertThat(refused.problem().type()).endsWith("/rate-limited");
        assertThat(refused.problem().detail())
                .startsWith("Too many lead submissions from this address: at most 10 per minute, 5 at once"
                        + " (limit lead-per-client). Retry after ");
        assertThat(refused.retryAfterSeconds()).isBetween(5L, 6L);
        assertThat(meters.get("faro.rate.limited")
                        .tag("limit", "lead-per-client")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void switchedOffNothingIsRefused() {
        RateLimits limits = limits(Map.of("faro.rate-limit.enabled", "false"));

        assertThatCode(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        limits.admit(RateLimit.LEAD_PER_CLIENT, "203.0.113.7");
                        limits.admitLeadForCampaign("demo");
                    }
                })
                .doesNotThrowAnyException();
    }

    @Test
    void onlyWellFormedCampaignIdsGetABucket() {
        RateLimits limits = limits(Map.of(
                "faro.rate-limit.lead-per-campaign.requests", "1",
                "faro.rate-limit.lead-per-campaign.burst", "1"));

        // Not campaign ids: validation refuses these, and a 64 KB key must never be kept in memory.
        for (int i = 0; i < 3; i++) {
            limits.admitLeadForCampaign("x".repeat(70_000));
            limits.admitLeadForCampaign(null);
        }
        limits.admitLeadForCampaign("demo");

        assertThat(catchThrowableOfType(RateLimited.class, () -> limits.admitLeadForCampaign("demo"))
                        .limit())
                .isEqualTo(RateLimit.LEAD_PER_CAMPAIGN);
        assertThat(meters.get("faro.rate.limit.tracked.keys")
                        .tag("limit", "lead-per-campaign")
                        .gauge()
                        .value())
                .isEqualTo(1);
    }

    private RateLimits limits(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(overrides);
        return new RateLimits(RateLimitConfigTest.mapping(properties), meters);
    }
}
