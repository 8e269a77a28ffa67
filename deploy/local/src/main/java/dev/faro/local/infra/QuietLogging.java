package dev.faro.local.infra;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises the level of the embedded servers' loggers when they run inside a test JVM, where SLF4J ends in the JBoss
 * LogManager (reachable through java.util.logging) and Quarkus would otherwise print every broker INFO line.
 */
public final class QuietLogging {

    private static final List<String> NOISY = List.of(
            "kafka",
            "org.apache.kafka",
            "state.change.logger",
            "io.zonky.test.db.postgres",
            "com.icegreen.greenmail",
            "org.testcontainers",
            "tc");

    // java.util.logging keeps loggers weakly; holding them keeps the level we set.
    private static final List<Logger> HELD =
            NOISY.stream().map(Logger::getLogger).toList();

    private QuietLogging() {}

    public static void apply() {
        HELD.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
