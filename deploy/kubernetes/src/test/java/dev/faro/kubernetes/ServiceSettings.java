package dev.faro.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which environment variables a service reads in production, from its configuration and its sources: the
 * {@code ${VAR}} placeholders of its prod configuration, and the names SmallRye Config maps environment variables
 * to (a property {@code a.b-c} is read from {@code A_B_C}).
 */
final class ServiceSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:[^}]*)?}");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");

    /** Configuration Quarkus itself (or the MicroProfile and Kafka clients it runs) reads. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("quarkus.", "mp.", "kafka.", "smallrye.");

    private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();

    private ServiceSettings() {}

    /**
     * The variables the service cannot start without: placeholders without a default in properties that the
     * framework or the service's code (or service-support's) actually reads.
     */
    static Set<String> required(String service) {
        Set<String> required = new TreeSet<>();
        ServiceConfig.of(service).all().forEach((key, value) -> {
            Matcher m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                if (m.group(2) == null && read(service, key)) {
                    required.add(m.group(1));
                }
            }
        });
        return required;
    }

    /** Whether the service reads this environment variable, by placeholder or by SmallRye's name mapping. */
    static boolean reads(String service, String variable) {
        ServiceConfig config = ServiceConfig.of(service);
        for (var entry : config.all().entrySet()) {
            Matcher m = PLACEHOLDER.matcher(entry.getValue());
            while (m.find()) {
                if (m.group(1).equals(variable)) {
                    return true;
                }
            }
            if (environmentName(entry.getKey()).equals(variable)) {
                return true;
            }
        }
        // Quarkus reads every QUARKUS_* variable as configuration; Faro's Kafka clients take every KAFKA_* one
        // (dev.faro.support.kafka.KafkaConnection), as the messaging connector does.
        if (variable.startsWith("QUARKUS_") || variable.startsWith("KAFKA_")) {
            return true;
        }
        return configMappingPrefixes(service).stream().anyMatch(p -> variable.startsWith(environmentName(p) + "_"));
    }

    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static boolean read(String service, String key) {
        if (FRAMEWORK_PREFIXES.stream().anyMatch(key::startsWith)) {
            return true;
        }
        String sources = sources(service);
        return sources.contains("\"" + key + "\"")
                || configMappingPrefixes(service).stream().anyMatch(p -> key.startsWith(p + "."));
    }

    private static Set<String> configMappingPrefixes(String service) {
        Set<String> prefixes = new TreeSet<>();
        Matcher m = CONFIG_MAPPING.matcher(sources(service));
        while (m.find()) {
            prefixes.add(m.group(1));
        }
        return prefixes;
    }

    /** The service's main Java sources and service-support's, concatenated. */
    private static String sources(String service) {
        return SOURCES.computeIfAbsent(service, s -> {
            StringBuilder all = new StringBuilder();
            for (String module : List.of(s, "service-support")) {
                Path root = Repository.root().resolve(module).resolve("src/main/java");
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        all.append(Files.readString(file)).append('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return all.toString();
        });
    }
}
