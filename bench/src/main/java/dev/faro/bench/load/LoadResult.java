package dev.faro.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one open-model run achieved. Latencies are in microseconds in the histogram, from each request's intended
 * send time to its response, and cover every response whatever its status; requests that failed without a
 * response (refused, reset, timed out) are counted in {@code errors} only.
 *
 * @param targetRate requests per second the schedule asked for
 * @param duration the length of the schedule; no request due after it was sent
 * @param scheduled requests the schedule held for that duration
 * @param sent requests actually sent; fewer than scheduled when every connection was busy until the end
 * @param statusCounts responses by HTTP status
 * @param errors failures without a response, by exception type
 * @param unfinished requests still in flight when the run stopped waiting for them
 */
public record LoadResult(
        double targetRate,
        Duration duration,
        long scheduled,
        long sent,
        SortedMap<Integer, Long> statusCounts,
        SortedMap<String, Long> errors,
        long unfinished,
        Histogram latencyMicros) {

    public LoadResult {
        statusCounts = Collections.unmodifiableSortedMap(new TreeMap<>(statusCounts));
        errors = Collections.unmodifiableSortedMap(new TreeMap<>(errors));
    }

    /** Responses received, any status. */
    public long completed() {
        return statusCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Responses with a 2xx status. */
    public long successful() {
        return statusCounts.entrySet().stream()
                .filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    public long non2xx() {
        return completed() - successful();
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Responses of any status per second of the schedule. */
    public double achievedRate() {
        return completed() / seconds(duration);
    }

    /** Latency at a percentile (0–100), in milliseconds; 0 when nothing completed. */
    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double p50Millis() {
        return percentileMillis(50);
    }

    public double p90Millis() {
        return percentileMillis(90);
    }

    public double p99Millis() {
        return percentileMillis(99);
    }

    public double p999Millis() {
        return percentileMillis(99.9);
    }

    public double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getMaxValue() / 1000.0;
    }

    /** One line for logs and the raw folder. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "target %.1f/s for %.1f s: scheduled %d, sent %d, completed %d (%.1f/s), non-2xx %s, errors %s,"
                        + " unfinished %d; latency ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f",
                targetRate,
                seconds(duration),
                scheduled,
                sent,
                completed(),
                achievedRate(),
                non2xxByStatus(),
                errors,
                unfinished,
                p50Millis(),
                p90Millis(),
                p99Millis(),
                p999Millis(),
                maxMillis());
    }

    private Map<Integer, Long> non2xxByStatus() {
        Map<Integer, Long> failed = new TreeMap<>(statusCounts);
        failed.keySet().removeIf(status -> status >= 200 && status < 300);
        return failed;
    }

    /**
     * Writes the percentile distribution in HdrHistogram's {@code .hgrm} text format (values in milliseconds), which
     * its plotter reads; {@link #summary()} goes to the benchmark's own log.
     */
    public void writePercentiles(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file);
                PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8)) {
            latencyMicros.outputPercentileDistribution(print, 5, 1000.0);
        }
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
