package dev.faro.incentive.pool;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@code faro_code_pool_remaining{pool}}: the free codes of each imported pool. */
@ApplicationScoped
public class PoolGauges {

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();
    private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();

    public PoolGauges(MeterRegistry meters) {
        this.meters = meters;
    }

    public void remaining(String poolId, long value) {
        remaining.computeIfAbsent(poolId, this::register).set(value);
    }

    private AtomicLong register(String poolId) {
        AtomicLong value = new AtomicLong();
        gauges.put(
                poolId,
                Gauge.builder("faro.code.pool.remaining", value, AtomicLong::get)
                        .description("Codes of an imported pool not yet allocated")
                        .tag("pool", poolId)
                        .register(meters));
        return value;
    }

    /**
     * A registry can outlive this bean (a restarted application in one JVM); a gauge left registered would keep
     * reporting this instance's last value and stop a new one from registering.
     */
    @PreDestroy
    void unregister() {
        gauges.values().forEach(meters::remove);
    }
}
