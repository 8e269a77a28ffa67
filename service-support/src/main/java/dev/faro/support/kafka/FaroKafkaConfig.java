package dev.faro.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where Kafka is when nothing else says so; {@link KafkaConnection} has every setting Faro's own clients use. */
@ConfigMapping(prefix = "kafka")
public interface FaroKafkaConfig {

    @WithName("bootstrap.servers")
    @WithDefault("localhost:9092")
    String bootstrapServers();
}
