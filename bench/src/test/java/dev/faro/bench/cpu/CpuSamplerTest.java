package dev.faro.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples a /proc tree laid out in a temporary folder, changed between two samples as Linux would change it. */
class CpuSamplerTest {

    private static final long POSTMASTER = 100;
    private static final long JVM = 300;

    @TempDir
    Path proc;

    private final List<MeasuredProcess> processes = List.of(
            new MeasuredProcess("lead-service", JVM, Accounting.OWN, true),
            new MeasuredProcess("PostgreSQL", POSTMASTER, Accounting.WITH_CHILDREN, false),
            new MeasuredProcess("pgbench", JVM, Accounting.REAPED_CHILDREN, false));

    @Test
    void cpuPerProcessJitShareAndMachineAreDifferencesOfTheTwoSamples() throws IOException {
        machine(1000, 3000);
        process(POSTMASTER, "postgres", 1, 2, 3, 50, 10);
        process(101, "postgres", POSTMASTER, 40, 10, 0, 0);
        title(101, "postgres: faro_email faro_email 127.0.0.1(51802) idle");
        process(102, "postgres", POSTMASTER, 5, 5, 0, 0);
        title(102, "postgres: faro_lead faro_lead 127.0.0.1(60050) idle");
        process(200, "bash", 1, 500, 500, 0, 0);
        process(JVM, "java", 1, 700, 100, 7, 3);
        thread(JVM, JVM, "java", 1, 1);
        thread(JVM, 301, "C2 CompilerThre", 300, 20);
        thread(JVM, 302, "C1 CompilerThre", 60, 10);
        thread(JVM, 303, "executor-thread", 300, 40);
        long[] clock = {0};
        CpuSampler sampler = new CpuSampler(proc, processes, () -> clock[0]);
        CpuSnapshot start = sampler.sample();

        clock[0] = 10_000_000_000L;
        // backend 101 ran 20 more ticks, exited and was reaped; 103 connected and ran 30; 200 is not PostgreSQL's
        machine(1600, 5000);
        process(POSTMASTER, "postgres", 1, 2, 4, 50 + 55, 10 + 15);
        Files.delete(proc.resolve("101/stat"));
        process(102, "postgres", POSTMASTER, 10, 5, 0, 0);
        process(103, "postgres", POSTMASTER, 20, 10, 0, 0);
        title(103, "postgres: faro_lead faro_lead 127.0.0.1(60062) INSERT");
        process(200, "bash", 1, 900, 900, 0, 0);
        // the JVM ran 400 more ticks, 100 of them in C2 and 30 in a second C1 thread started meanwhile;
        // a pgbench child it waited for used 25
        process(JVM, "java", 1, 1000, 200, 7 + 20, 3 + 5);
        thread(JVM, 301, "C2 CompilerThre", 390, 30);
        thread(JVM, 304, "C1 CompilerThre", 25, 5);
        CpuUsage usage = CpuUsage.between(start, sampler.sample());

        assertThat(usage.millisByProcess()).containsOnlyKeys("lead-service", "PostgreSQL", "pgbench");
        assertThat(usage.millisByProcess().get("lead-service")).isEqualTo(4000.0);
        // postmaster 1 + reaped 70 + live (15 + 30) - live at start (50 + 10) = 56 ticks
        assertThat(usage.millisByProcess().get("PostgreSQL")).isEqualTo(560.0);
        assertThat(usage.millisByProcess().get("pgbench")).isEqualTo(250.0);
        // faro_lead's backends: 5 more in 102, 30 in the new 103; faro_email's only backend exited
        assertThat(usage.childMillisByTitle()).containsOnlyKeys("PostgreSQL");
        assertThat(usage.childMillisByTitle().get("PostgreSQL")).containsExactly(entry("backends of faro_lead", 350.0));
        assertThat(CpuFigures.parts(usage, "PostgreSQL"))
                .containsExactly(
                        entry("backends of faro_lead", 350.0), entry("postmaster and children that exited", 210.0));
        assertThat(usage.jitMillisByProcess()).containsOnlyKeys("lead-service");
        assertThat(usage.jitMillisByProcess().get("lead-service")).isEqualTo(1300.0);
        assertThat(usage.jitPercent("lead-service")).isCloseTo(32.5, within(1e-9));
        assertThat(usage.machineBusyMillis()).isEqualTo(6000.0);
        assertThat(usage.machineTotalMillis()).isEqualTo(20_000.0);
        assertThat(usage.machineBusyPercent()).isCloseTo(30.0, within(1e-9));
        assertThat(usage.seconds()).isEqualTo(10.0);
        assertThat(usage.cores()).isEqualTo(2);
        assertThat(usage.machinePercent("lead-service")).isCloseTo(20.0, within(1e-9));
        // busy 30 %; lead-service 20 %, PostgreSQL 2.8 %, pgbench 1.25 % (the lead-service JVM's reaped child)
        assertThat(usage.otherPercent()).isCloseTo(30 - 20 - 2.8 - 1.25, within(1e-9));
    }

    @Test
    void aProcessThatIsGoneIsAnErrorNamingIt() throws IOException {
        machine(1, 2);

        assertThatThrownBy(() -> new CpuSampler(proc, processes).sample())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lead-service (pid 300) is not running");
    }

    @Test
    void machineBusyLeavesOutIdleAndIoWait() {
        String stat = "cpu  100 5 50 800 40 3 2 0 7 0\ncpu0 50 2 25 400 20 1 1 0 3 0\nbtime 1\n";

        assertThat(CpuSampler.machineTicks(stat)).containsExactly(160, 1000, 1);
    }

    @Test
    void onlyHotSpotCompilerThreadsCountAsJit() {
        assertThat(CpuSampler.isJitCompilerThread("C2 CompilerThre")).isTrue();
        assertThat(CpuSampler.isJitCompilerThread("C1 CompilerThre")).isTrue();
        assertThat(CpuSampler.isJitCompilerThread("executor-thread")).isFalse();
        assertThat(CpuSampler.isJitCompilerThread("GC Thread#0")).isFalse();
    }

    /** Total ticks split as in /proc/stat's cpu line: busy in user, the rest idle. */
    private void machine(long busy, long total) throws IOException {
        String cpu = " 0 0 " + (total - busy) + " 0 0 0 0 0 0\n";
        Files.writeString(
                proc.resolve("stat"),
                "cpu  " + busy + cpu + "cpu0 " + busy / 2 + cpu + "cpu1 " + busy / 2 + cpu + "btime 1\n");
    }

    private void process(long pid, String name, long parent, long utime, long stime, long cutime, long cstime)
            throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), statLine(pid, name, parent, utime, stime, cutime, cstime));
    }

    /** PostgreSQL's process title: NUL-padded, as /proc/<pid>/cmdline shows it. */
    private void title(long pid, String title) throws IOException {
        Files.writeString(proc.resolve(pid + "/cmdline"), title + "\0\0\0\0");
    }

    private void thread(long pid, long tid, String name, long utime, long stime) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(dir.resolve("stat"), statLine(tid, name, 1, utime, stime, 0, 0));
    }

    private static String statLine(
            long pid, String name, long parent, long utime, long stime, long cutime, long cstime) {
        return pid + " (" + name + ") S " + parent + " " + pid + " " + pid + " 0 -1 4194304 100 0 0 0 " + utime + " "
                + stime + " " + cutime + " " + cstime + " 20 0 1 0 4314663 227880960 8264\n";
    }
}
