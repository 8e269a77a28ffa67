package dev.faro.support.observability;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Samples traces only when a collector is configured. The exporter is fixed at build time and would
 * otherwise try localhost:4317 forever; sampling nothing keeps every trace context propagating (ids in the
 * outbox rows and Kafka headers) while nothing is exported. An explicit
 * {@code quarkus.otel.traces.sampler.arg} (or {@code QUARKUS_OTEL_TRACES_SAMPLER_ARG}) still wins: this
 * source's ordinal is below application.properties.
 */
public class TraceExportSwitch implements ConfigSource {

    static final String SAMPLER_ARG = "quarkus.otel.traces.sampler.arg";

    private final Map<String, String> properties;

    public TraceExportSwitch() {
        this(System.getenv());
    }

    TraceExportSwitch(Map<String, String> environment) {
        boolean collectorConfigured = environment.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
                || environment.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                || environment.containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")
                || environment.containsKey("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        this.properties = Map.of(SAMPLER_ARG, collectorConfigured ? "1.0" : "0.0");
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "faro-trace-export-switch";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
