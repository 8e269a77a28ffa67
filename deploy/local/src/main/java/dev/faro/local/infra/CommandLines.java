package dev.faro.local.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A running process's full command line, to check a pid still belongs to what we started before signalling it. */
public final class CommandLines {

    private CommandLines() {}

    /**
     * Arguments joined by spaces. Read from /proc where there is one, because {@link ProcessHandle.Info} cuts command
     * lines at 4 KiB, well inside a JVM's classpath.
     */
    public static Optional<String> of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.isReadable(proc)) {
            try {
                String raw = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8);
                return raw.isEmpty()
                        ? Optional.empty()
                        : Optional.of(raw.replace('\0', ' ').trim());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return ProcessHandle.of(pid).flatMap(process -> process.info().commandLine());
    }
}
