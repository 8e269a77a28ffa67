package dev.faro.lead.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitConfigTest {

    @Test
    void productionDefaultsAreFarAboveALandingPageAndFarBelowABot() {
        RateLimitConfig config = mapping(Map.of());

        assertThat(config.enabled()).isTrue();
        assertLimit(config.leadPerClient(), 10, Duration.ofMinutes(1), 5);
        assertLimit(config.leadPerCampaign(), 600, Duration.ofMinutes(1), 100);
        assertLimit(config.visitPerClient(), 120, Duration.ofMinutes(1), 30);
        assertThat(config.maxTrackedKeys()).isEqualTo(50_000);
    }

    @Test
    void eachLimitIsConfiguredOnItsOwn() {
        RateLimitConfig config = mapping(Map.of(
                "faro.rate-limit.visit-per-client.requests", "300",
                "faro.rate-limit.visit-per-client.period", "30s"));

        assertLimit(config.visitPerClient(), 300, Duration.ofSeconds(30), 30);
        assertLimit(config.leadPerClient(), 10, Duration.ofMinutes(1), 5);
    }

    @Test
    void periodsReadAsAPersonWouldSayThem() {
        assertThat(RateLimits.per(Duration.ofMinutes(1))).isEqualTo("minute");
        assertThat(RateLimits.per(Duration.ofSeconds(30))).isEqualTo("30 seconds");
        assertThat(RateLimits.per(Duration.ofHours(2))).isEqualTo("2 hours");
        assertThat(RateLimits.per(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }

    private static void assertLimit(RateLimitConfig.Limit limit, int requests, Duration period, int burst) {
        assertThat(limit.requests()).isEqualTo(requests);
        assertThat(limit.period()).isEqualTo(period);
        assertThat(limit.burst()).isEqualTo(burst);
    }

    static RateLimitConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(RateLimitConfig.class)
                .build();
        return config.getConfigMapping(RateLimitConfig.class);
    }
}
