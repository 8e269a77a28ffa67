package dev.faro.contract;

import java.util.Map;

/**
 * One Kafka topic as Faro declares it: the broker configuration here is what `./faro`, the test
 * infrastructure and the Kubernetes manifests create, so none of them keeps its own copy.
 */
public record TopicSpec(String name, int partitions, Map<String, String> config, String purpose) {

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
        config = Map.copyOf(config);
    }

    public boolean compacted() {
        return "compact".equals(config.get("cleanup.policy"));
    }
}
