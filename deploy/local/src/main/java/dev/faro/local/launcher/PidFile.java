package dev.faro.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code <state>/run/pids}: one {@code name pid} line per process the stack started, so {@code ./faro down} and {@code
 * ./faro status} can find them, and so can a human after a crash.
 */
final class PidFile {

    private final Path file;
    private final Map<String, Long> pids = new LinkedHashMap<>();

    PidFile(Path file) {
        this.file = file;
    }

    synchronized void add(String name, long pid) {
        pids.put(name, pid);
        String text = pids.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + "\n")
                .collect(Collectors.joining());
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Long> read(Path file) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return pids;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                List<String> parts = List.of(line.trim().split("\\s+"));
                if (parts.size() == 2 && parts.get(1).matches("\\d+")) {
                    pids.put(parts.get(0), Long.parseLong(parts.get(1)));
                }
            }
            return pids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
