package dev.faro.analytics.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code faro.digest.*}: when digests are composed and what they point out. */
@ConfigMapping(prefix = "faro.digest")
public interface DigestConfig {

    /** How often the scheduler looks for due digests ({@code off} stops it, as the tests do). */
    @WithDefault("1m")
    String checkEvery();

    /**
     * How long after a period has ended (in the subscriber's time zone and in UTC) its digest waits, so events
     * still on their way through Kafka are counted.
     */
    @WithDefault("PT15M")
    Duration settleTime();

    /** A conversion rate that fell by more than this percentage of its previous value is a notable drop. */
    @WithDefault("20")
    double dropThresholdPercent();

    /** A drop is only pointed out when both periods had at least this many visitors: fewer is noise. */
    @WithDefault("100")
    long dropMinVisitors();

    /** The chart shows the leads of this many days up to the period's end. */
    @WithDefault("14")
    int chartDays();
}
