package dev.faro.analytics.abtest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code faro.ab-test.*}: the strictness of A/B verdicts; see {@link AbTestSettings} for each setting. */
@ConfigMapping(prefix = "faro.ab-test")
public interface AbTestConfig {

    @WithDefault("0.05")
    double alpha();

    @WithDefault("100")
    long minVisitors();

    @WithDefault("10")
    long minLeads();

    @WithDefault("0.02")
    double mixtureSd();

    @WithDefault("0.01")
    double equivalenceMargin();

    default AbTestSettings settings() {
        return new AbTestSettings(alpha(), minVisitors(), minLeads(), mixtureSd(), equivalenceMargin());
    }
}
