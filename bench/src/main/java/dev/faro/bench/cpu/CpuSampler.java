package dev.faro.bench.cpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Takes {@link CpuSnapshot}s of a set of processes from a {@code /proc} tree. */
public final class CpuSampler {

    /** USER_HZ: /proc reports CPU in these ticks on every Linux architecture the JDK runs on. */
    public static final long TICKS_PER_SECOND = 100;

    private final Path proc;
    private final List<MeasuredProcess> processes;
    private final LongSupplier nanoClock;

    /** {@code proc} is {@code /proc}, or a copy of its layout in a test. */
    public CpuSampler(Path proc, List<MeasuredProcess> processes) {
        this(proc, processes, System::nanoTime);
    }

    CpuSampler(Path proc, List<MeasuredProcess> processes, LongSupplier nanoClock) {
        this.proc = proc;
        this.processes = List.copyOf(processes);
        this.nanoClock = nanoClock;
    }

    /**
     * A sampler of the running stack's processes ({@code ./faro}'s pid file in {@code runDirectory}) and this JVM,
     * read once to check that it can be; null when it cannot (the benchmark then reports no CPU figures).
     */
    public static CpuSampler ofStackOrNull(Path runDirectory) {
        try {
            CpuSampler sampler = new CpuSampler(Path.of("/proc"), StackProcesses.of(runDirectory));
            sampler.sample();
            return sampler;
        } catch (IOException | RuntimeException e) {
            System.err.println("  no CPU figures: " + e.getMessage());
            return null;
        }
    }

    public List<MeasuredProcess> processes() {
        return processes;
    }

    public CpuSnapshot sample() throws IOException {
        long now = nanoClock.getAsLong();
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Map<Long, Long>> jit = new LinkedHashMap<>();
        Map<String, Map<String, Long>> childTicks = new LinkedHashMap<>();
        Map<Long, Map<Long, Long>> liveChildren = null;
        for (MeasuredProcess process : processes) {
            // The parent is read before its children: a child exiting in between is then missed, never counted
            // both live and in the parent's reaped total.
            ProcStat stat = read(process.pid())
                    .orElseThrow(() -> new IllegalStateException(process.name() + " (pid " + process.pid()
                            + ") is not running: is the stack up, and started by this user?"));
            long total;
            switch (process.accounting()) {
                case OWN:
                    total = stat.ownTicks();
                    break;
                case REAPED_CHILDREN:
                    total = stat.reapedChildrenTicks();
                    break;
                case WITH_CHILDREN:
                    if (liveChildren == null) {
                        liveChildren = liveChildTicksByParent();
                    }
                    Map<Long, Long> children = liveChildren.getOrDefault(process.pid(), Map.of());
                    total = stat.ownTicks()
                            + stat.reapedChildrenTicks()
                            + children.values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum();
                    childTicks.put(process.name(), ticksByTitle(children));
                    break;
                default:
                    throw new IllegalStateException("unknown accounting " + process.accounting());
            }
            ticks.put(process.name(), total);
            if (process.jvm()) {
                jit.put(process.name(), jitThreadTicks(process.pid()));
            }
        }
        long[] machine = machineTicks();
        return new CpuSnapshot(now, ticks, jit, childTicks, machine[0], machine[1], (int) machine[2]);
    }

    private Optional<ProcStat> read(long pid) throws IOException {
        return readStat(proc.resolve(Long.toString(pid)).resolve("stat"));
    }

    private static Optional<ProcStat> readStat(Path stat) throws IOException {
        try {
            return Optional.of(ProcStat.parse(Files.readString(stat)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // a process or thread that exits while its stat is read fails with ESRCH instead
            if (Files.exists(stat)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** Own CPU of every running process by its pid, grouped by its parent's pid. */
    private Map<Long, Map<Long, Long>> liveChildTicksByParent() throws IOException {
        Map<Long, Map<Long, Long>> byParent = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, entry -> isNumber(entry))) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                readStat(entry.resolve("stat"))
                        .ifPresent(s -> byParent.computeIfAbsent(s.parentPid(), parent -> new HashMap<>())
                                .put(pid, s.ownTicks()));
            }
        }
        return byParent;
    }

    /** Children's CPU summed by what their titles say they are (only PostgreSQL's children are counted so). */
    private Map<String, Long> ticksByTitle(Map<Long, Long> children) throws IOException {
        Map<String, Long> byTitle = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> child : children.entrySet()) {
            Path cmdline = proc.resolve(Long.toString(child.getKey())).resolve("cmdline");
            String title;
            try {
                title = PostgresProcessTitle.label(Files.readString(cmdline));
            } catch (IOException e) {
                if (Files.exists(cmdline)) {
                    throw e;
                }
                title = "other";
            }
            byTitle.merge(title, child.getValue(), Long::sum);
        }
        return byTitle;
    }

    /** HotSpot names its compiler threads "C1 CompilerThread<n>" and "C2 CompilerThread<n>" (cut to 15 chars). */
    static boolean isJitCompilerThread(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    private Map<Long, Long> jitThreadTicks(long pid) throws IOException {
        Map<Long, Long> byThread = new LinkedHashMap<>();
        Path tasks = proc.resolve(Long.toString(pid)).resolve("task");
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks, entry -> isNumber(entry))) {
            for (Path thread : threads) {
                Optional<ProcStat> stat = readStat(thread.resolve("stat"));
                if (stat.isPresent() && isJitCompilerThread(stat.get().name())) {
                    byThread.put(
                            Long.parseLong(thread.getFileName().toString()),
                            stat.get().ownTicks());
                }
            }
        }
        return byThread;
    }

    /** {busy, total, cores}: ticks over all CPUs from {@code /proc/stat}, and its count of CPUs. */
    private long[] machineTicks() throws IOException {
        return machineTicks(Files.readString(proc.resolve("stat")));
    }

    /**
     * From the {@code cpu} line: user nice system idle iowait irq softirq steal (guest time is already inside
     * user); busy is everything but idle and iowait.
     */
    static long[] machineTicks(String procStat) {
        String line = procStat.lines()
                .filter(l -> l.startsWith("cpu "))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cpu line in /proc/stat"));
        String[] fields = line.substring("cpu ".length()).trim().split("\\s+");
        long total = 0;
        for (int i = 0; i < Math.min(8, fields.length); i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[3]) + Long.parseLong(fields[4]);
        long cores = procStat.lines().filter(l -> l.matches("cpu\\d+ .*")).count();
        return new long[] {total - idle, total, cores};
    }

    private static boolean isNumber(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
