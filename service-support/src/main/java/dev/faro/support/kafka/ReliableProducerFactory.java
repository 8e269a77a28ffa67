package dev.faro.support.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds producers that never lose or reorder an acknowledged record: idempotent, acks from all in-sync
 * replicas, and bounded blocking so a broker outage turns into an error the caller can retry later.
 */
@ApplicationScoped
public class ReliableProducerFactory {

    private final KafkaConnection connection;

    public ReliableProducerFactory(KafkaConnection connection) {
        this.connection = connection;
    }

    public Producer<String, String> create(String clientId) {
        Map<String, Object> settings = connection.settings();
        settings.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000));
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }
}
