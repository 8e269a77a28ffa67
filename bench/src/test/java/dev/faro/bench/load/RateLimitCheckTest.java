package dev.faro.bench.load;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RateLimitCheckTest {

    @Test
    void aThrottledRequestStopsTheBenchmarkSayingHowToRestart() {
        LoadResult throttled = result(Map.of(202, 290L, 429, 10L));

        assertThatThrownBy(() -> RateLimitCheck.requireNoThrottling(throttled))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FARO_RATE_LIMIT_ENABLED=false");
    }

    @Test
    void otherStatusesPass() {
        assertThatCode(() -> RateLimitCheck.requireNoThrottling(result(Map.of(202, 299L, 500, 1L))))
                .doesNotThrowAnyException();
    }

    private static LoadResult result(Map<Integer, Long> statuses) {
        long count = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new LoadResult(
                50, Duration.ofSeconds(6), count, count, new TreeMap<>(statuses), new TreeMap<>(), 0, new Histogram(3));
    }
}
