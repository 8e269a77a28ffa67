package dev.faro.local.launcher;

import dev.faro.local.infra.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its state and which ports it uses.
 *
 * @param stateDir PostgreSQL and Kafka data, logs, keys, pid file: survives restarts
 */
public record StackConfig(
        Path repoRoot,
        Path stateDir,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int smtpPort,
        int inboxPort,
        Map<FaroService, Integer> servicePorts,
        Duration readyTimeout) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_SMTP_PORT = 2525;
    public static final int DEFAULT_INBOX_PORT = 8025;
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);

    public StackConfig {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        EnumMap<FaroService, Integer> ports = new EnumMap<>(FaroService.class);
        ports.putAll(servicePorts);
        if (ports.size() != FaroService.values().length) {
            throw new IllegalArgumentException("a port for every service is needed: " + servicePorts);
        }
        servicePorts = Collections.unmodifiableMap(ports);
    }

    /** What {@code ./faro up} uses: fixed ports and state in {@code <repoRoot>/.faro}. */
    public static StackConfig defaults(Path repoRoot) {
        Map<FaroService, Integer> services = new EnumMap<>(FaroService.class);
        for (FaroService service : FaroService.values()) {
            services.put(service, service.defaultPort());
        }
        return new StackConfig(
                repoRoot,
                repoRoot.resolve(".faro"),
                DEFAULT_POSTGRES_PORT,
                DEFAULT_KAFKA_PORT,
                DEFAULT_KAFKA_CONTROLLER_PORT,
                DEFAULT_SMTP_PORT,
                DEFAULT_INBOX_PORT,
                services,
                DEFAULT_READY_TIMEOUT);
    }

    /**
     * Every port free and chosen now, for a stack that runs next to {@code ./faro up} (the system test). The
     * repository root is found from the working directory upwards.
     */
    public static StackConfig withFreePorts(Path stateDir) {
        return withFreePorts(RepoRoot.locate(), stateDir);
    }

    public static StackConfig withFreePorts(Path repoRoot, Path stateDir) {
        List<Integer> ports = FreePorts.find(5 + FaroService.values().length);
        Map<FaroService, Integer> services = new EnumMap<>(FaroService.class);
        for (FaroService service : FaroService.values()) {
            services.put(service, ports.get(5 + service.ordinal()));
        }
        return new StackConfig(
                repoRoot,
                stateDir,
                ports.get(0),
                ports.get(1),
                ports.get(2),
                ports.get(3),
                ports.get(4),
                services,
                DEFAULT_READY_TIMEOUT);
    }

    public StackConfig withRepoRoot(Path root) {
        return new StackConfig(
                root,
                stateDir,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                smtpPort,
                inboxPort,
                servicePorts,
                readyTimeout);
    }

    public int port(FaroService service) {
        return servicePorts.get(service);
    }

    /** Every port with what needs it, for messages like "port 9092 (Kafka) is in use". */
    public Map<Integer, String> portOwners() {
        Map<Integer, String> owners = new LinkedHashMap<>();
        owners.put(postgresPort, "PostgreSQL");
        owners.put(kafkaPort, "Kafka");
        owners.put(kafkaControllerPort, "Kafka controller");
        owners.put(smtpPort, "SMTP");
        owners.put(inboxPort, "inbox web page");
        servicePorts.forEach((service, port) -> owners.put(port, service.directory()));
        return owners;
    }

    public Path serviceJar(FaroService service) {
        return repoRoot.resolve(service.directory()).resolve(buildFolder()).resolve("quarkus-app/quarkus-run.jar");
    }

    /**
     * Each module's build output folder: {@code target}, or what the build named with {@code -Dfaro.target=…}
     * (two builds of one tree side by side), so the system test runs the services this very build packaged.
     */
    static String buildFolder() {
        return System.getProperty("faro.target", "target");
    }

    public Path logs() {
        return stateDir.resolve("logs");
    }

    public Path run() {
        return stateDir.resolve("run");
    }
}
