package dev.faro.email.timing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** When marketing mail may go out; transactional, requested and internal mail is never held back. */
@ConfigMapping(prefix = "faro.email.timing")
public interface TimingConfig {

    /**
     * At most this many marketing emails per address (all the leads that share it) within {@link #frequencyWindow()};
     * 0 or less turns the cap off.
     */
    @WithDefault("3")
    int frequencyCap();

    /** The rolling window the frequency cap counts over. */
    @WithDefault("P7D")
    Duration frequencyWindow();

    QuietHours quietHours();

    /** Marketing emails per second across every replica; 0 or less turns the limit off. */
    @WithDefault("10")
    double sendRate();

    /** How many marketing emails may go back to back after a quiet spell (the bucket's size); at least 1. */
    @WithDefault("20")
    int burst();

    /** The zone of a lead whose form sent none and whose campaign this service does not know. */
    @WithDefault("Europe/Madrid")
    ZoneId defaultTimeZone();

    /** The local hours, in the lead's time zone, when no marketing email goes out. */
    interface QuietHours {

        /** Start of the window; it may wrap midnight. The same time as {@link #end()} turns quiet hours off. */
        @WithDefault("21:00")
        LocalTime start();

        @WithDefault("09:00")
        LocalTime end();
    }
}
