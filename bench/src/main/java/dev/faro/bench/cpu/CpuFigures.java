package dev.faro.bench.cpu;

import dev.faro.bench.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CPU per unit of work (a lead, a transaction) per process, as report figures and as a plain-text table. */
public final class CpuFigures {

    /** Parts of a process below this share of its CPU are left out of the figures. */
    private static final double SHOWN_PART = 0.02;

    private CpuFigures() {}

    /**
     * A process counted with its children, split by what the children are, plus what is left for the process
     * itself and its children that exited; empty for other processes.
     */
    static Map<String, Double> parts(CpuUsage usage, String process) {
        Map<String, Double> children = usage.childMillisByTitle().get(process);
        if (children == null) {
            return Map.of();
        }
        Map<String, Double> parts = new LinkedHashMap<>(children);
        double rest = usage.millisByProcess().getOrDefault(process, 0.0)
                - children.values().stream().mapToDouble(Double::doubleValue).sum();
        parts.put("postmaster and children that exited", Math.max(0, rest));
        return parts;
    }

    /** CPU of all measured processes per unit of work. */
    public static double totalMillisPer(CpuUsage usage, long units) {
        return units == 0 ? 0 : usage.totalMillis() / units;
    }

    /** Units per second the machine's cores could do if this CPU per unit were all that ran. */
    public static double ceilingPerSecond(CpuUsage usage, long units) {
        double perUnit = totalMillisPer(usage, units);
        return perUnit == 0 ? 0 : usage.cores() * 1000.0 / perUnit;
    }

    /**
     * Per process: CPU ms per unit and its share of the machine; per JVM: its JIT compilers' share; then the
     * total, the machine's busy share and the ceiling the total implies. {@code unit} names one unit of work
     * ("accepted lead"), {@code shortUnit} it in units ("lead").
     */
    public static List<Figure> figures(CpuUsage usage, long units, String unit, String shortUnit) {
        List<Figure> figures = new ArrayList<>();
        String perUnit = "ms/" + shortUnit;
        for (Map.Entry<String, Double> process : usage.millisByProcess().entrySet()) {
            String name = process.getKey();
            figures.add(Figure.info("CPU per " + unit + ": " + name, per(process.getValue(), units), perUnit));
            figures.add(Figure.info("  share of the machine's CPU (" + name + ")", usage.machinePercent(name), "%"));
            if (usage.jitMillisByProcess().containsKey(name)) {
                figures.add(Figure.info(
                        "  of which JIT compiler threads (" + name + ")", usage.jitPercent(name), "% of it"));
            }
            for (Map.Entry<String, Double> part : parts(usage, name).entrySet()) {
                // the many idle background processes would only lengthen the table; the raw table has them
                if (part.getValue() >= SHOWN_PART * process.getValue()) {
                    figures.add(Figure.info("  " + name + ": " + part.getKey(), per(part.getValue(), units), perUnit));
                }
            }
        }
        figures.add(Figure.info("CPU per " + unit + ": all processes above", totalMillisPer(usage, units), perUnit));
        figures.add(Figure.info(
                "machine CPU busy over the run (/proc/stat, anything running)", usage.machineBusyPercent(), "%"));
        figures.add(Figure.info(
                "  of which processes not above (other work on the machine, kernel threads)",
                usage.otherPercent(),
                "%"));
        figures.add(Figure.info(
                String.format(
                        Locale.ROOT,
                        "ceiling of %d cores at that CPU per %s (cores ÷ CPU per %s)",
                        usage.cores(),
                        shortUnit,
                        shortUnit),
                ceilingPerSecond(usage, units),
                shortUnit + "s/s"));
        return figures;
    }

    /** The same as a table with one line per process, for the raw output. */
    public static String table(CpuUsage usage, long units, String unit) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%.1f s, %d × %s, %d cores, machine busy %.1f %% (/proc/stat)%n",
                usage.seconds(),
                units,
                unit,
                usage.cores(),
                usage.machineBusyPercent()));
        text.append(String.format(
                Locale.ROOT, "%-36s %10s %12s %10s %8s%n", "process", "CPU ms", "ms/" + unit, "% machine", "JIT %"));
        for (Map.Entry<String, Double> process : usage.millisByProcess().entrySet()) {
            String name = process.getKey();
            String jit = usage.jitMillisByProcess().containsKey(name)
                    ? String.format(Locale.ROOT, "%.1f", usage.jitPercent(name))
                    : "-";
            text.append(String.format(
                    Locale.ROOT,
                    "%-36s %10.0f %12.3f %10.1f %8s%n",
                    name,
                    process.getValue(),
                    per(process.getValue(), units),
                    usage.machinePercent(name),
                    jit));
            for (Map.Entry<String, Double> part : parts(usage, name).entrySet()) {
                text.append(String.format(
                        Locale.ROOT,
                        "  %-34s %10.0f %12.3f %10.1f%n",
                        part.getKey(),
                        part.getValue(),
                        per(part.getValue(), units),
                        100 * part.getValue() / Math.max(1, usage.capacityMillis())));
            }
        }
        text.append(String.format(
                Locale.ROOT,
                "%-36s %10.0f %12.3f %10.1f%n",
                "all of the above",
                usage.totalMillis(),
                totalMillisPer(usage, units),
                100 * usage.totalMillis() / Math.max(1, usage.capacityMillis())));
        text.append(String.format(
                Locale.ROOT,
                "%-36s %10.0f %12s %10.1f%n",
                "other processes on the machine",
                usage.otherPercent() / 100 * usage.capacityMillis(),
                "-",
                usage.otherPercent()));
        text.append(String.format(
                Locale.ROOT,
                "ceiling at this CPU per %s: %.0f/s (%d cores × 1000 ÷ %.3f ms)%n",
                unit,
                ceilingPerSecond(usage, units),
                usage.cores(),
                totalMillisPer(usage, units)));
        return text.toString();
    }

    private static double per(double millis, long units) {
        return units == 0 ? 0 : millis / units;
    }
}
