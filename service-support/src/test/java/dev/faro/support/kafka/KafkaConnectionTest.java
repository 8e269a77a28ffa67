package dev.faro.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void theClusterAddressAndTlsAndSaslSettingsOfTheChannelsReachFaroOwnClients() {
        // As Quarkus gathers them from KAFKA_* environment variables on Kubernetes.
        Map<String, Object> kafkaConfig = Map.of(
                "bootstrap.servers", "faro-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/faro/kafka-ca/ca.crt");

        assertThat(KafkaConnection.connectionSettings(kafkaConfig, "localhost:9092"))
                .isEqualTo(kafkaConfig);
    }

    @Test
    void settingsAboutHowAClientBehavesStayTheClientsOwn() {
        Map<String, Object> kafkaConfig = Map.of(
                "bootstrap.servers", "broker:9092",
                "group.id", "analytics-service",
                "acks", "1",
                "auto.offset.reset", "earliest");

        assertThat(KafkaConnection.connectionSettings(kafkaConfig, "localhost:9092"))
                .isEqualTo(Map.of("bootstrap.servers", "broker:9092"));
    }

    @Test
    void withoutAnAddressTheLocalDefaultIsUsed() {
        assertThat(KafkaConnection.connectionSettings(Map.of(), "localhost:9092"))
                .isEqualTo(Map.of("bootstrap.servers", "localhost:9092"));
    }
}
