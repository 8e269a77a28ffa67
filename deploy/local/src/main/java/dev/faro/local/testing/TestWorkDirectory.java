package dev.faro.local.testing;

import dev.faro.local.infra.CommandLines;
import dev.faro.local.infra.LocalPostgres;
import dev.faro.local.infra.ProcessLaunch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-JVM directory under {@code java.io.tmpdir/faro-test-infra} holding the embedded servers' data. Its name starts
 * with the JVM's pid, so a later JVM can tell when its owner died without cleaning up (killed build) and stop the
 * PostgreSQL it left running.
 */
final class TestWorkDirectory {

    private static final Pattern OWNED = Pattern.compile("(\\d+)-.*");

    private TestWorkDirectory() {}

    static Path create() {
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "faro-test-infra");
        try {
            Files.createDirectories(base);
            reapOrphans(base);
            return Files.createDirectory(base.resolve(ProcessHandle.current().pid() + "-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a work directory under " + base, e);
        }
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("faro-local: could not delete " + directory + ": " + e);
        }
    }

    private static void reapOrphans(Path base) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(base)) {
            children = list.toList();
        }
        for (Path child : children) {
            Matcher owner = OWNED.matcher(child.getFileName().toString());
            if (owner.matches()
                    && ProcessHandle.of(Long.parseLong(owner.group(1))).isEmpty()) {
                if (stopOrphanPostgres(child.resolve("postgres"))) {
                    delete(child);
                }
            }
        }
    }

    /** True when no PostgreSQL of ours runs on that directory any more. */
    private static boolean stopOrphanPostgres(Path dataDirectory) {
        OptionalLong pid = LocalPostgres.postmasterPid(dataDirectory);
        if (pid.isEmpty()) {
            return true;
        }
        var process = ProcessHandle.of(pid.getAsLong());
        if (process.isEmpty()) {
            return true;
        }
        // Only a postmaster started on this very directory; a pid may have been reused by anything.
        boolean ours = CommandLines.of(pid.getAsLong())
                .map(commandLine -> commandLine.contains(" " + dataDirectory + " "))
                .orElse(false);
        if (!ours) {
            return false;
        }
        ProcessLaunch.stop(process.get(), Duration.ofSeconds(10));
        return !process.get().isAlive();
    }
}
