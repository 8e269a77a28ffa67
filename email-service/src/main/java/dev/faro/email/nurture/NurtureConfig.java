package dev.faro.email.nurture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "faro.email.nurture")
public interface NurtureConfig {

    /**
     * The shortest delay a nurture step may have. Below an hour a sequence stops being nurture and becomes a
     * burst; only tests lower it, to watch a whole sequence go out in seconds.
     */
    @WithDefault("PT1H")
    Duration minimumDelay();
}
