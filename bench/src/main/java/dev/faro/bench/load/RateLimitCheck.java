package dev.faro.bench.load;

/** lead-service's abuse limits would measure the limiter, not the service: a 429 stops the benchmark. */
public final class RateLimitCheck {

    private RateLimitCheck() {}

    public static void requireNoThrottling(LoadResult result) {
        Long throttled = result.statusCounts().get(429);
        if (throttled != null && throttled > 0) {
            throw new IllegalStateException(throttled + " requests were refused with 429: restart the stack with"
                    + " FARO_RATE_LIMIT_ENABLED=false FARO_BENCH_NOOP_ENDPOINT=true ./faro up --detach");
        }
    }
}
