package dev.faro.bench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaroUpTimeTest {

    @Test
    void startTicksAreHundredthsOfASecondAfterBoot() {
        long boot = 1_795_655_397L;
        Instant readyAt = Instant.ofEpochSecond(boot + 100).plusMillis(250);

        assertThat(FaroUpTime.between(boot, 5_000, readyAt)).isEqualTo(Duration.ofMillis(50_250));
    }

    @Test
    void nothingToReportWithoutAReadyFile(@TempDir Path run) throws Exception {
        Files.writeString(
                run.resolve("pids"), "supervisor " + ProcessHandle.current().pid() + "\n");

        assertThat(FaroUpTime.lastStart(run)).isEmpty();
    }

    @Test
    void readsTheSupervisorsStartFromProc(@TempDir Path run) throws Exception {
        // This JVM stands in for the supervisor: it started before the ready file below was written.
        Files.writeString(
                run.resolve("pids"), "supervisor " + ProcessHandle.current().pid() + "\n");
        Files.writeString(run.resolve("ready"), "Faro is up.\n");

        assertThat(FaroUpTime.lastStart(run))
                .hasValueSatisfying(time -> assertThat(time).isPositive().isLessThan(Duration.ofDays(1)));
    }
}
