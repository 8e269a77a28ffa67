package dev.faro.email.unsubscribe;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the bounce webhook's MIME reports (DSN and ARF). */
@ConfigMapping(prefix = "faro.email.bounces")
public interface BounceReportsConfig {

    /**
     * The largest DSN or ARF report accepted, answered beyond it with a 413 problem. It must stay below
     * {@code quarkus.http.limits.max-body-size}, which refuses larger bodies before they reach the webhook.
     */
    @WithDefault("200K")
    MemorySize maxReportSize();
}
