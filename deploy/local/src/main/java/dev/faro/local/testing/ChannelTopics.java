package dev.faro.local.testing;

import dev.faro.contract.TopicSpec;
import dev.faro.contract.Topics;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/** The topics a service's messaging channels are configured with, for checking them against the contract. */
public final class ChannelTopics {

    private ChannelTopics() {}

    /** Channel name → topic, for every {@code mp.messaging.incoming|outgoing.<channel>.topic} in the config. */
    public static Map<String, String> configured(Config config) {
        Map<String, String> topics = new TreeMap<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic"))
                .forEach(name -> topics.put(name.split("\\.")[3], config.getValue(name, String.class)));
        return topics;
    }

    /** Configured topics that the contract does not declare (empty when the service is in line with it). */
    public static Set<String> undeclared(Config config) {
        Set<String> declared = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
        return configured(config).values().stream()
                .filter(topic -> !declared.contains(topic))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
