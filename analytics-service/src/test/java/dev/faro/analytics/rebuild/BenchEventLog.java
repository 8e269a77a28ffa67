package dev.faro.analytics.rebuild;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh topics for {@link RebuildBenchmark}, read only by the rebuild: the live consumers are switched off, so the
 * benchmark times the rebuild alone instead of the rebuild racing the live path for the same two cores.
 * {@code -Dbench.rebuild.batch-size} overrides the rebuild's batch size.
 */
public class BenchEventLog implements QuarkusTestResourceLifecycleManager {

    static final String PREFIX = "rebuild-bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";

    static String topic(String channel) {
        return PREFIX + channel;
    }

    @Override
    public Map<String, String> start() {
        OwnEventLog.createTopics(PREFIX);
        Map<String, String> config = new HashMap<>();
        for (String channel : AnalyticsRebuild.CHANNELS) {
            config.put("mp.messaging.incoming." + channel + ".topic", topic(channel));
            config.put("mp.messaging.incoming." + channel + ".enabled", "false");
        }
        config.put("mp.messaging.connector.smallrye-kafka.group.id", PREFIX + "analytics");
        String batchSize = System.getProperty("bench.rebuild.batch-size");
        if (batchSize != null) {
            config.put("faro.rebuild.batch-size", batchSize);
        }
        return config;
    }

    @Override
    public void stop() {}
}
