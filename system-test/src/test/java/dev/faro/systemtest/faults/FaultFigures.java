package dev.faro.systemtest.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * What each fault test measured, appended to {@code target/fault-figures.md} as a table row: the raw figures that
 * docs/reliability.md quotes from a full run. Timing bounds are asserted generously in the tests; the figures are
 * the measurement.
 */
final class FaultFigures {

    private static final Path FILE = Path.of("target", "fault-figures.md");

    private FaultFigures() {}

    static void header(FaultSettings settings) {
        write(
                "%n## Fault run %s%n%n%s%n%n| fault | sent | 202 | other answers | no answer | emails (one each) | drained after the fault | notes |%n| --- | --- | --- | --- | --- | --- | --- | --- |%n"
                        .formatted(Instant.now(), settings));
    }

    static void row(String fault, LeadLoad load, long emails, double drainedSeconds, String notes) {
        write("| %s | %d | %d | %d | %d | %d | %.1f s | %s |%n"
                .formatted(
                        fault,
                        load.sent(),
                        load.accepted().size(),
                        load.refused().size(),
                        load.failures().size(),
                        emails,
                        drainedSeconds,
                        notes));
    }

    private static synchronized void write(String text) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
