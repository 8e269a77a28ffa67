package dev.faro.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine the figures were measured on.
 *
 * @param memoryMiB total memory from /proc/meminfo, or -1 where there is none
 */
public record MachineInfo(int cores, long memoryMiB, String jdk, String os) {

    private static final Pattern MEM_TOTAL = Pattern.compile("^MemTotal:\\s+(\\d+)\\s+kB\\s*$");

    public static MachineInfo current() {
        long memory = -1;
        try {
            memory = memTotalMiB(Files.readAllLines(Path.of("/proc/meminfo"))).orElse(-1);
        } catch (IOException | RuntimeException notLinux) {
            // reported as unknown
        }
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    /** The MemTotal line of /proc/meminfo, in MiB. */
    static OptionalLong memTotalMiB(List<String> meminfo) {
        for (String line : meminfo) {
            Matcher matcher = MEM_TOTAL.matcher(line);
            if (matcher.matches()) {
                return OptionalLong.of(Long.parseLong(matcher.group(1)) / 1024);
            }
        }
        return OptionalLong.empty();
    }
}
