package dev.faro.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a test fails, keeps the stack's logs (under target/failsafe-reports/stack-logs/) and prints the warnings and
 * errors each process logged last: the stack's state directory is deleted after the class, and on CI the build's
 * output is all there is to read.
 */
public final class StackLogsOnFailure implements TestWatcher {

    private static final int PRINTED_LINES_PER_LOG = 40;

    private final Supplier<Path> stateDir;

    public StackLogsOnFailure(Supplier<Path> stateDir) {
        this.stateDir = stateDir;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Path logs = stateDir.get().resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Path kept = Path.of("target", "failsafe-reports", "stack-logs")
                .resolve(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path log : files.sorted().toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                printWarningsOf(log);
            }
            System.out.printf("Stack logs of the failed test kept in %s%n", kept.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printWarningsOf(Path log) throws IOException {
        List<String> warnings;
        try (Stream<String> lines = Files.lines(log)) {
            warnings = lines.filter(line -> line.contains("WARN") || line.contains("ERROR"))
                    .toList();
        }
        List<String> last = warnings.subList(Math.max(0, warnings.size() - PRINTED_LINES_PER_LOG), warnings.size());
        System.out.printf(
                "--- %s: last %d of %d warnings and errors%n", log.getFileName(), last.size(), warnings.size());
        last.forEach(line -> System.out.println("  " + line));
    }
}
