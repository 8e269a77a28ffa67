package dev.faro.lead.confirmation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Double opt-in: how long a confirmation link works, how often one is sent, when unconfirmed leads go. */
@ConfigMapping(prefix = "faro.double-opt-in")
public interface DoubleOptInConfig {

    /** How long a confirmation link stays valid after it is sent. */
    @WithDefault("P7D")
    Duration linkValidity();

    /** Pending leads older than this are erased (reason {@code unconfirmed}). */
    @WithDefault("P30D")
    Duration purgeAfter();

    /** How often the purge looks for such leads (read by the {@code @Scheduled} expression of the purge). */
    @WithDefault("1h")
    Duration purgeEvery();

    /** Leads erased per purge transaction, so a large backlog never holds many locks at once. */
    @WithDefault("50")
    int purgeBatchSize();

    /**
     * At most this many confirmation emails per address (across campaigns) in {@link #requestWindow()}, so a
     * form cannot be used to flood someone's inbox. The event contract allows at most 3 attempts per lead.
     */
    @WithDefault("3")
    int requestsPerAddress();

    @WithDefault("PT24H")
    Duration requestWindow();
}
