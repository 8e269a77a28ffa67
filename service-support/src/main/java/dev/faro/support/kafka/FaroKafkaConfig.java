package dev.faro.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The Kafka settings Faro's own clients (outbox relay, dead-letter producer) use. */
@ConfigMapping(prefix = "kafka")
public interface FaroKafkaConfig {

    @WithName("bootstrap.servers")
    @WithDefault("localhost:9092")
    String bootstrapServers();
}
