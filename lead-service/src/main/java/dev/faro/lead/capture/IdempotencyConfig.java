package dev.faro.lead.capture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "faro.capture.idempotency")
public interface IdempotencyConfig {

    /** How long the answer to an Idempotency-Key is returned to retries; older keys are purged. */
    @WithDefault("PT24H")
    Duration retention();

    /** How often expired keys are purged (read by the {@code @Scheduled} expression of the purge). */
    @WithDefault("1h")
    Duration purgeEvery();

    /**
     * How long a retry waits for a request with the same key that is still being processed before it is
     * answered 409. Capturing a lead takes milliseconds, so reaching this means the first one is stuck.
     */
    @WithDefault("5s")
    Duration inProgressWait();
}
