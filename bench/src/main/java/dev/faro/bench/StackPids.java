package dev.faro.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The processes of the running stack, from the {@code name pid} lines {@code ./faro up} writes to {@code run/pids}. */
public final class StackPids {

    private StackPids() {}

    public static Map<String, Long> read(Path runDirectory) throws IOException {
        return parse(Files.readString(runDirectory.resolve("pids")));
    }

    public static Map<String, Long> parse(String pidFile) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String line : pidFile.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[1].matches("\\d+")) {
                pids.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return pids;
    }
}
