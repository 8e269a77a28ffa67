package dev.faro.support.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

@ConfigMapping(prefix = "faro.inbox")
public interface InboxConfig {

    /** First pause after a transient failure (database down, say); it doubles up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * The most events a batch channel ({@link EventInbox#receiveAll}) applies in one transaction: larger batches save
     * commits when a consumer is behind, and hold the locks their handlers take for longer.
     */
    @WithDefault("100")
    @Min(1)
    int maxBatch();

    /** How long {@code /q/health} reports DOWN after this instance dead-lettered a record ({@link DeadLetterHealth}). */
    @WithDefault("24h")
    Duration deadLetterAlert();
}
