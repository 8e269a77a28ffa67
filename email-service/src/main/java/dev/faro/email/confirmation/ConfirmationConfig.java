package dev.faro.email.confirmation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "faro.email.confirmation")
public interface ConfirmationConfig {

    /**
     * How long after the first confirmation email an unconfirmed lead is reminded, once. The reminder goes earlier
     * when the link would otherwise be more than half-way to expiring.
     */
    @WithDefault("P1D")
    Duration reminderDelay();
}
