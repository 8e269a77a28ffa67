package dev.faro.bench.footprint;

import dev.faro.bench.StackPids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long the running stack's last {@code ./faro up} took to be ready, read after the fact without restarting
 * anything: from the start of its supervisor JVM (the pid file's {@code supervisor}) to the moment it wrote
 * {@code .faro/run/ready}, which it does once every service answered ready. It leaves out the script's own checks
 * before the JVM starts (and any build), which take milliseconds when everything is built.
 */
final class FaroUpTime {

    /** USER_HZ: the unit of /proc's start times, 100 on every Linux architecture the JDK runs on. */
    static final long TICKS_PER_SECOND = 100;

    private FaroUpTime() {}

    static Optional<Duration> lastStart(Path runDirectory) throws IOException {
        Path pids = runDirectory.resolve("pids");
        Path ready = runDirectory.resolve("ready");
        if (!Files.isRegularFile(pids) || !Files.isRegularFile(ready)) {
            return Optional.empty();
        }
        Long supervisor = StackPids.parse(Files.readString(pids)).get("supervisor");
        if (supervisor == null) {
            return Optional.empty();
        }
        Path stat = Path.of("/proc", String.valueOf(supervisor), "stat");
        if (!Files.isReadable(stat)) {
            return Optional.empty();
        }
        long startTicks = ProcFiles.startTicks(Files.readString(stat));
        long boot = ProcFiles.bootEpochSeconds(Files.readString(Path.of("/proc/stat")));
        Instant readyAt = Files.getLastModifiedTime(ready).toInstant();
        return Optional.of(between(boot, startTicks, readyAt));
    }

    static Duration between(long bootEpochSeconds, long startTicks, Instant readyAt) {
        long startMillis = bootEpochSeconds * 1000 + startTicks * 1000 / TICKS_PER_SECOND;
        return Duration.ofMillis(readyAt.toEpochMilli() - startMillis);
    }
}
