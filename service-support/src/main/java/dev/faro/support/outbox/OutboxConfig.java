package dev.faro.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "faro.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay. Several instances may: one advisory lock lets one work at a time. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay sleeps when idle; a commit that appends an event wakes it at once. */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /** Sent rows older than this are deleted; the event log on Kafka keeps the events themselves. */
    @WithDefault("P7D")
    Duration retention();

    /** Pause after a failed publication before trying again (Kafka down, say). */
    @WithDefault("2s")
    Duration retryBackoff();
}
