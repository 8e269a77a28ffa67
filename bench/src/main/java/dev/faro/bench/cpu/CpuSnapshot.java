package dev.faro.bench.cpu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cumulative CPU at one moment, in clock ticks.
 *
 * @param nanoTime {@link System#nanoTime()} when it was taken
 * @param ticksByProcess CPU per measured process, by name, as its {@link Accounting} counts it
 * @param jitTicksByThread per JVM (by name), CPU of each live JIT compiler thread by thread id
 * @param childTicksByTitle per process counted with its children (by name), its live children's CPU by what they
 *     are ("backends of faro_lead", "walwriter")
 * @param machineBusyTicks all CPUs together, not idle and not waiting for I/O, from {@code /proc/stat}
 * @param machineTotalTicks all CPUs together, every state
 * @param cores the machine's CPUs ({@code cpuN} lines of {@code /proc/stat})
 */
public record CpuSnapshot(
        long nanoTime,
        Map<String, Long> ticksByProcess,
        Map<String, Map<Long, Long>> jitTicksByThread,
        Map<String, Map<String, Long>> childTicksByTitle,
        long machineBusyTicks,
        long machineTotalTicks,
        int cores) {

    public CpuSnapshot {
        ticksByProcess = Collections.unmodifiableMap(new LinkedHashMap<>(ticksByProcess));
        jitTicksByThread = Collections.unmodifiableMap(new LinkedHashMap<>(jitTicksByThread));
        childTicksByTitle = Collections.unmodifiableMap(new LinkedHashMap<>(childTicksByTitle));
    }
}
