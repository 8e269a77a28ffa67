package dev.faro.bench.footprint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Reads what Linux's /proc says about a process: its resident memory, environment and start time. */
final class ProcFiles {

    private ProcFiles() {}

    /** {@code VmRSS} from the text of {@code /proc/<pid>/status}, in KiB, if present. */
    static OptionalLong residentKib(String status) {
        return status.lines()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.substring("VmRSS:".length()).trim())
                .mapToLong(value -> Long.parseLong(value.split("\\s+")[0]))
                .findFirst();
    }

    /** The variables of {@code /proc/<pid>/environ}: {@code NAME=value} entries separated by NUL. */
    static Map<String, String> environment(String environ) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String entry : environ.split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                variables.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return variables;
    }

    /**
     * The start time (field 22, in clock ticks since boot) from {@code /proc/<pid>/stat}. Fields are counted after
     * the command name's closing parenthesis, since the name itself may hold spaces and parentheses.
     */
    static long startTicks(String stat) {
        String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
        String[] fields = afterName.split("\\s+");
        // afterName starts at field 3 (state), so field 22 is at index 19
        return Long.parseLong(fields[19]);
    }

    /** {@code btime} (boot time, seconds since the epoch) from the text of {@code /proc/stat}. */
    static long bootEpochSeconds(String stat) {
        return stat.lines()
                .filter(line -> line.startsWith("btime "))
                .mapToLong(
                        line -> Long.parseLong(line.substring("btime ".length()).trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no btime line in /proc/stat"));
    }
}
