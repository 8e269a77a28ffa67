package dev.faro.bench.cpu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU used between two snapshots, in milliseconds.
 *
 * @param seconds wall-clock time between them
 * @param millisByProcess CPU of each measured process
 * @param jitMillisByProcess CPU of each JVM's JIT compiler threads (threads that exited in between are missed)
 * @param childMillisByTitle per process counted with its children, the CPU of the children alive at the end by
 *     what they are; the rest of that process's CPU went to itself and to children that exited
 * @param machineBusyMillis all CPUs of the machine, busy, whatever ran on them ({@code /proc/stat})
 * @param machineTotalMillis all CPUs of the machine, every state ({@code /proc/stat}; close to cores × seconds)
 * @param cores the machine's CPUs
 */
public record CpuUsage(
        double seconds,
        Map<String, Double> millisByProcess,
        Map<String, Double> jitMillisByProcess,
        Map<String, Map<String, Double>> childMillisByTitle,
        double machineBusyMillis,
        double machineTotalMillis,
        int cores) {

    private static final double MILLIS_PER_TICK = 1000.0 / CpuSampler.TICKS_PER_SECOND;

    public CpuUsage {
        millisByProcess = Collections.unmodifiableMap(new LinkedHashMap<>(millisByProcess));
        jitMillisByProcess = Collections.unmodifiableMap(new LinkedHashMap<>(jitMillisByProcess));
        childMillisByTitle = Collections.unmodifiableMap(new LinkedHashMap<>(childMillisByTitle));
    }

    public static CpuUsage between(CpuSnapshot start, CpuSnapshot end) {
        Map<String, Double> millis = new LinkedHashMap<>();
        end.ticksByProcess()
                .forEach((name, ticks) ->
                        millis.put(name, (ticks - start.ticksByProcess().getOrDefault(name, 0L)) * MILLIS_PER_TICK));
        Map<String, Double> jit = new LinkedHashMap<>();
        end.jitTicksByThread().forEach((name, threads) -> {
            Map<Long, Long> before = start.jitTicksByThread().getOrDefault(name, Map.of());
            long ticks = 0;
            for (Map.Entry<Long, Long> thread : threads.entrySet()) {
                // a thread id missing at the start is a compiler thread started since
                ticks += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            }
            jit.put(name, ticks * MILLIS_PER_TICK);
        });
        Map<String, Map<String, Double>> children = new LinkedHashMap<>();
        end.childTicksByTitle().forEach((name, titles) -> {
            Map<String, Long> before = start.childTicksByTitle().getOrDefault(name, Map.of());
            Map<String, Double> byTitle = new TreeMap<>();
            // a title whose children all exited drops out; its CPU is in the parent's reaped total
            titles.forEach((title, ticks) ->
                    byTitle.put(title, Math.max(0, ticks - before.getOrDefault(title, 0L)) * MILLIS_PER_TICK));
            children.put(name, byTitle);
        });
        return new CpuUsage(
                (end.nanoTime() - start.nanoTime()) / 1e9,
                millis,
                jit,
                children,
                (end.machineBusyTicks() - start.machineBusyTicks()) * MILLIS_PER_TICK,
                (end.machineTotalTicks() - start.machineTotalTicks()) * MILLIS_PER_TICK,
                end.cores());
    }

    /** CPU of all measured processes together. */
    public double totalMillis() {
        return millisByProcess.values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    /** CPU time the machine had over the interval: cores × wall-clock time. */
    public double capacityMillis() {
        return cores * seconds * 1000;
    }

    /** A process's CPU as a percentage of all the machine's CPU over the interval (100 % = every core busy). */
    public double machinePercent(String process) {
        return percent(millisByProcess.getOrDefault(process, 0.0), capacityMillis());
    }

    /** What the measured processes left of the machine's busy CPU to everything else, in percent. */
    public double otherPercent() {
        return Math.max(0, machineBusyPercent() - percent(totalMillis(), capacityMillis()));
    }

    /** How much of a JVM's CPU went to its JIT compiler threads, in percent. */
    public double jitPercent(String process) {
        return percent(jitMillisByProcess.getOrDefault(process, 0.0), millisByProcess.getOrDefault(process, 0.0));
    }

    /** The machine's busy share by /proc/stat's own busy and total counts, so that timing skew cancels. */
    public double machineBusyPercent() {
        return percent(machineBusyMillis, machineTotalMillis);
    }

    private static double percent(double part, double whole) {
        return whole == 0 ? 0 : 100 * part / whole;
    }
}
