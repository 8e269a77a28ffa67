package dev.faro.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Hand-made {@link LoadResult}s for tests of the logic that judges them. */
final class LoadResults {

    private LoadResults() {}

    /** A 10 s run at {@code target}/s whose {@code completed} 200s all took {@code latencyMillis}. */
    static LoadResult of(double target, long completed, long latencyMillis, Map<Integer, Long> others, long errors) {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        Map<Integer, Long> statuses = new TreeMap<>(others);
        if (completed > 0) {
            histogram.recordValueWithCount(latencyMillis * 1000, completed);
            statuses.put(200, completed);
        }
        Map<String, Long> errorCounts = errors == 0 ? Map.of() : Map.of("ConnectException", errors);
        long total =
                completed + others.values().stream().mapToLong(Long::longValue).sum() + errors;
        return new LoadResult(
                target,
                Duration.ofSeconds(10),
                (long) (target * 10),
                total,
                new TreeMap<>(statuses),
                new TreeMap<>(errorCounts),
                0,
                histogram);
    }

    static LoadResult clean(double target, long completed, long latencyMillis) {
        return of(target, completed, latencyMillis, Map.of(), 0);
    }
}
