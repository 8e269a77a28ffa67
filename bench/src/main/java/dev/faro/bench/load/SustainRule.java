package dev.faro.bench.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * When a load step counts as sustained: at least {@code minCompletedShare} of the target rate completed within the
 * step, not one error or non-2xx response, and p99 latency (from the intended send times) within {@code maxP99}.
 */
public record SustainRule(double minCompletedShare, Duration maxP99) {

    /** 97 % of the target completed, no error, p99 ≤ 1 s. */
    public static final SustainRule DEFAULT = new SustainRule(0.97, Duration.ofSeconds(1));

    /** Why the step is not sustained, or empty when it is. */
    public Optional<String> failure(LoadResult result) {
        if (result.errorCount() > 0) {
            return Optional.of("errors " + result.errors());
        }
        if (result.non2xx() > 0) {
            return Optional.of("non-2xx responses " + result.statusCounts());
        }
        double share = result.achievedRate() / result.targetRate();
        if (share < minCompletedShare) {
            return Optional.of(String.format(Locale.ROOT, "completed %.1f %% of the target rate", share * 100));
        }
        double maxP99Millis = maxP99.toNanos() / 1e6;
        if (result.p99Millis() > maxP99Millis) {
            return Optional.of(String.format(Locale.ROOT, "p99 %.1f ms > %.0f ms", result.p99Millis(), maxP99Millis));
        }
        return Optional.empty();
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "a step is sustained when ≥ %.0f %% of the target rate completed, with no error or non-2xx response,"
                        + " and p99 ≤ %d ms (latency from the intended send time)",
                minCompletedShare * 100,
                maxP99.toMillis());
    }
}
