package dev.faro.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceExportSwitchTest {

    @Test
    void samplesNothingWithoutACollector() {
        assertThat(new TraceExportSwitch(Map.of("PATH", "/usr/bin")).getValue(TraceExportSwitch.SAMPLER_ARG))
                .isEqualTo("0.0");
    }

    @Test
    void samplesEverythingOnceACollectorIsConfigured() {
        assertThat(new TraceExportSwitch(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"))
                        .getValue(TraceExportSwitch.SAMPLER_ARG))
                .isEqualTo("1.0");
        assertThat(new TraceExportSwitch(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4317"))
                        .getValue(TraceExportSwitch.SAMPLER_ARG))
                .isEqualTo("1.0");
    }

    @Test
    void ranksBelowApplicationPropertiesSoAnExplicitRatioWins() {
        assertThat(new TraceExportSwitch(Map.of()).getOrdinal()).isLessThan(250);
    }
}
