package dev.faro.analytics.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "faro.rebuild")
public interface RebuildConfig {

    /**
     * Events counted per transaction while reading the log. Each batch costs a handful of statements whatever its
     * size, so larger batches spread them thinner; the rebuild holds about two batches in memory.
     */
    @WithDefault("5000")
    int batchSize();

    /**
     * How far behind the end of the log the rebuild may be when it holds the live consumers back to swap: it
     * catches up without holding them until then, so they wait only for this many events and the swap itself.
     */
    @WithDefault("2000")
    long swapWhenBehindAtMost();

    /** A rebuild fails when Kafka delivers nothing this long while records remain to be read. */
    @WithDefault("2m")
    Duration stallTimeout();
}
