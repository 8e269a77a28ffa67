package dev.faro.lead.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** Self-service erasure: how long a link works, and how many links one lead is sent. */
@ConfigMapping(prefix = "faro.erasure")
public interface ErasureConfig {

    /** How long an erasure link stays valid after it is sent; short, since whoever holds it can erase. */
    @WithDefault("P1D")
    Duration linkValidity();

    /**
     * At most this many erasure links per lead in {@link #linkWindow()}, however often (and by whom) they are asked
     * for, so the request form cannot be used to flood someone's inbox.
     */
    @WithDefault("3")
    @Positive
    int linksPerLead();

    @WithDefault("PT24H")
    Duration linkWindow();
}
