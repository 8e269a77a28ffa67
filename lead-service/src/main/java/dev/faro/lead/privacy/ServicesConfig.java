package dev.faro.lead.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * Where the other services answer what they hold on a lead (their {@code /api/privacy/leads/{id}}), for the export.
 * Environment: FARO_PUBLIC_URL_INCENTIVE, FARO_PUBLIC_URL_EMAIL, FARO_PUBLIC_URL_ANALYTICS (./faro sets them).
 */
@ConfigMapping(prefix = "faro.services")
public interface ServicesConfig {

    URI incentiveUrl();

    URI emailUrl();

    URI analyticsUrl();

    /** How long the export waits for each service; a service that takes longer is reported unavailable. */
    @WithDefault("5s")
    Duration timeout();
}
