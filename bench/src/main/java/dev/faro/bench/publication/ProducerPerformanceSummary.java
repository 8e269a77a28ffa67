package dev.faro.bench.publication;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final line of Kafka's {@code ProducerPerformance}: "100000 records sent, 40000.0 records/sec (15.26 MB/sec),
 * 12.34 ms avg latency, 345.00 ms max latency, 10 ms 50th, 30 ms 95th, 40 ms 99th, 50 ms 99.9th." The lines it
 * prints every few seconds before have no percentiles, which tells them apart.
 */
public record ProducerPerformanceSummary(
        long records,
        double recordsPerSecond,
        double megabytesPerSecond,
        double avgLatencyMillis,
        double maxLatencyMillis,
        long p50Millis,
        long p95Millis,
        long p99Millis,
        long p999Millis) {

    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";
    private static final Pattern TOTAL = Pattern.compile("([0-9]+) records sent, " + NUMBER + " records/sec \\("
            + NUMBER + " MB/sec\\), " + NUMBER + " ms avg latency, " + NUMBER + " ms max latency, ([0-9]+) ms 50th, "
            + "([0-9]+) ms 95th, ([0-9]+) ms 99th, ([0-9]+) ms 99\\.9th\\.");

    /** The summary in the tool's standard output, if it got as far as printing one. */
    public static Optional<ProducerPerformanceSummary> parse(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = TOTAL.matcher(lines.get(i));
            if (matcher.find()) {
                return Optional.of(new ProducerPerformanceSummary(
                        Long.parseLong(matcher.group(1)),
                        Double.parseDouble(matcher.group(2)),
                        Double.parseDouble(matcher.group(3)),
                        Double.parseDouble(matcher.group(4)),
                        Double.parseDouble(matcher.group(5)),
                        Long.parseLong(matcher.group(6)),
                        Long.parseLong(matcher.group(7)),
                        Long.parseLong(matcher.group(8)),
                        Long.parseLong(matcher.group(9))));
            }
        }
        return Optional.empty();
    }
}
