package dev.faro.support.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * How Faro's own Kafka clients (outbox relay, dead letters, visits, the analytics rebuild) reach the cluster: with
 * the same settings as the messaging channels, which Quarkus gathers from every {@code kafka.*} key and
 * {@code KAFKA_*} environment variable. That is the bootstrap servers locally, and on Kubernetes also TLS and SASL
 * ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, ...).
 * Only connection settings are taken; a client's own behaviour (acks, batching, group) stays its own choice.
 */
@ApplicationScoped
public class KafkaConnection {

    private final Map<String, Object> settings;

    public KafkaConnection(
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, FaroKafkaConfig config) {
        this.settings = connectionSettings(kafkaConfig, config.bootstrapServers());
    }

    /** A fresh, modifiable copy: the caller adds its own settings. */
    public Map<String, Object> settings() {
        return new HashMap<>(settings);
    }

    static Map<String, Object> connectionSettings(Map<String, Object> kafkaConfig, String defaultBootstrapServers) {
        Map<String, Object> connection = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (isConnectionSetting(key)) {
                connection.put(key, value);
            }
        });
        connection.putIfAbsent("bootstrap.servers", defaultBootstrapServers);
        return Map.copyOf(connection);
    }

    private static boolean isConnectionSetting(String key) {
        return key.equals("bootstrap.servers")
                || key.equals("security.protocol")
                || key.equals("client.dns.lookup")
                || key.startsWith("sasl.")
                || key.startsWith("ssl.")
                || key.equals("tls-configuration-name");
    }
}
