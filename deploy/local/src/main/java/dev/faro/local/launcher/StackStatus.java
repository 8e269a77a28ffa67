package dev.faro.local.launcher;

import dev.faro.local.infra.CommandLines;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code ./faro status}: each process from the pid file, alive or not, and whether each service is ready. */
final class StackStatus {

    static final int RUNNING = 0;
    static final int DEGRADED = 1;
    static final int NOT_RUNNING = 3;

    private StackStatus() {}

    /** Prints the status and returns the exit code: 0 all up and ready, 1 something is wrong, 3 not running. */
    static int print(StackConfig config, PrintStream out) {
        Path pidFile = config.run().resolve("pids");
        Map<String, Long> pids = PidFile.read(pidFile);
        if (pids.isEmpty()) {
            out.println("Faro is not running (no " + pidFile + ").");
            return NOT_RUNNING;
        }
        boolean healthy = true;
        for (Map.Entry<String, Long> entry : pids.entrySet()) {
            String name = entry.getKey();
            boolean alive = isOurs(name, entry.getValue());
            String state = alive ? "running" : "NOT RUNNING";
            Optional<FaroService> service = service(name);
            if (alive && service.isPresent()) {
                boolean ready = ServiceReadiness.isReady(config.port(service.get()));
                state += ready ? ", ready on port " + config.port(service.get()) : ", NOT READY";
                healthy &= ready;
            }
            healthy &= alive;
            out.printf("  %-18s pid %-8d %s%n", name, entry.getValue(), state);
        }
        if (!Files.exists(config.run().resolve("ready"))) {
            out.println("  (still starting: not every service has been ready yet)");
            healthy = false;
        }
        return healthy ? RUNNING : DEGRADED;
    }

    /** Alive and still the program we started under that name, not a pid the system has since reused. */
    private static boolean isOurs(String name, long pid) {
        String expected =
                switch (name) {
                    case "supervisor" -> "dev.faro.local.launcher.FaroCli";
                    case "kafka" -> "kafka.Kafka";
                    case "postgres" -> "postgres";
                    default -> "quarkus-run.jar";
                };
        return CommandLines.of(pid)
                .map(commandLine -> commandLine.contains(expected))
                .orElse(false);
    }

    private static Optional<FaroService> service(String name) {
        for (FaroService service : FaroService.values()) {
            if (service.directory().equals(name)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
