package dev.faro.incentive.redemption;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When leads hear that their incentive is about to expire. */
@ConfigMapping(prefix = "faro.incentive.expiring")
public interface ExpiryNoticeConfig {

    /** How long before its expiry an unredeemed incentive is announced as expiring. */
    @WithDefault("P2D")
    Duration notice();

    /** How often the job looks (read by the {@code @Scheduled} expression; {@code off} stops it). */
    @WithDefault("1m")
    String checkEvery();

    /** Incentives announced per transaction, so a large backlog never holds many locks at once. */
    @WithDefault("100")
    int batchSize();
}
