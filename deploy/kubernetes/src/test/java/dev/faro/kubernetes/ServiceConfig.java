package dev.faro.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A service's own configuration as the manifests must match it: its {@code application.properties} over the
 * defaults every service shares (service-support's {@code microprofile-config.properties}), read as the
 * {@code prod} profile sees them.
 */
final class ServiceConfig {

    static final List<String> SERVICES =
            List.of("lead-service", "incentive-service", "email-service", "analytics-service");

    /** Agroal's pool in Quarkus holds up to 20 connections unless the service says otherwise. */
    private static final int QUARKUS_DEFAULT_POOL = 20;

    /** Connections a pod opens beside its pool: email-service's sender liveness lock (SenderLiveness). */
    private static final Map<String, Integer> OUTSIDE_THE_POOL = Map.of("email-service", 1);

    private final String service;
    private final Map<String, String> values;

    private ServiceConfig(String service, Map<String, String> values) {
        this.service = service;
        this.values = values;
    }

    static ServiceConfig of(String service) {
        Path root = Repository.root();
        Properties shared =
                load(root.resolve("service-support/src/main/resources/META-INF/microprofile-config.properties"));
        Properties own = load(root.resolve(service).resolve("src/main/resources/application.properties"));
        Map<String, String> values = new LinkedHashMap<>();
        for (Properties source : List.of(shared, own)) {
            source.stringPropertyNames().stream()
                    .filter(key -> !key.startsWith("%"))
                    .forEach(key -> values.put(key, source.getProperty(key)));
        }
        for (Properties source : List.of(shared, own)) {
            source.stringPropertyNames().stream()
                    .filter(key -> key.startsWith("%prod."))
                    .forEach(key -> values.put(key.substring("%prod.".length()), source.getProperty(key)));
        }
        return new ServiceConfig(service, values);
    }

    String service() {
        return service;
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    Map<String, String> all() {
        return values;
    }

    /** The most database connections one pod opens: its pool's maximum and those it holds outside the pool. */
    int databaseConnections() {
        int pool =
                get("quarkus.datasource.jdbc.max-size").map(Integer::parseInt).orElse(QUARKUS_DEFAULT_POOL);
        return pool + OUTSIDE_THE_POOL.getOrDefault(service, 0);
    }

    int httpPort() {
        return Integer.parseInt(get("quarkus.http.port").orElse("8080"));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (!Files.isRegularFile(file)) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
