package dev.faro.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.contract.TopicSpec;
import dev.faro.contract.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The KafkaTopics are the contract's topics, with the contract's partitions and configuration. */
class KafkaTopicsTest {

    private static final String MIN_ISR = "min.insync.replicas";

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyContractTopicIsDeclaredOnceAndNoOther(String overlay) {
        assertThat(Manifests.of(overlay).ofKind("KafkaTopic").stream().map(KafkaTopicsTest::topicName))
                .as("the Kafka names of the KafkaTopics in %s", overlay)
                .containsExactlyInAnyOrderElementsOf(
                        Topics.all().stream().map(TopicSpec::name).toList());
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyTopicIsNamedInKubernetesAfterItsKafkaNameWithDashes(String overlay) {
        for (JsonNode topic : Manifests.of(overlay).ofKind("KafkaTopic")) {
            assertThat(Manifests.name(topic))
                    .as("metadata.name of the KafkaTopic for %s", topicName(topic))
                    .isEqualTo(topicName(topic).replace('.', '-'))
                    .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyTopicHasTheContractsPartitionsAndConfiguration(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (TopicSpec spec : Topics.all()) {
            JsonNode topic = manifests.get("KafkaTopic", spec.name().replace('.', '-'));
            assertThat(topic.at("/spec/partitions").asInt())
                    .as("%s in %s: partitions", Manifests.describe(topic), overlay)
                    .isEqualTo(spec.partitions());
            Map<String, String> config = config(topic);
            config.remove(MIN_ISR);
            assertThat(config)
                    .as("%s in %s: configuration besides min.insync.replicas", Manifests.describe(topic), overlay)
                    .containsExactlyInAnyOrderEntriesOf(spec.config());
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyTopicBelongsToTheFaroCluster(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        String cluster = Manifests.name(manifests.ofKind("Kafka").get(0));
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText())
                    .as("%s in %s: strimzi.io/cluster", Manifests.describe(topic), overlay)
                    .isEqualTo(cluster);
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyTopicReplicatesLikeTheClusterDefaultAndWithinItsBrokers(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode kafkaConfig = manifests.ofKind("Kafka").get(0).at("/spec/kafka/config");
        int brokers = KafkaClusterTest.brokers(manifests);
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            int replicas = topic.at("/spec/replicas").asInt();
            int minIsr = Integer.parseInt(config(topic).getOrDefault(MIN_ISR, "0"));
            String what = Manifests.describe(topic) + " in " + overlay;
            assertThat(replicas)
                    .as(what + ": replicas")
                    .isEqualTo(kafkaConfig.path("default.replication.factor").asInt());
            assertThat(replicas)
                    .as(what + ": replicas against " + brokers + " brokers")
                    .isBetween(1, brokers);
            assertThat(minIsr)
                    .as(what + ": min.insync.replicas")
                    .isEqualTo(kafkaConfig.path(MIN_ISR).asInt());
            assertThat(minIsr)
                    .as(what + ": min.insync.replicas against its replicas")
                    .isBetween(1, replicas);
        }
    }

    @Test
    void inProdEveryTopicKeepsThreeCopiesAndAcknowledgesOnTwo() {
        for (JsonNode topic : Manifests.of("prod").ofKind("KafkaTopic")) {
            assertThat(topic.at("/spec/replicas").asInt())
                    .as("%s: replicas", Manifests.describe(topic))
                    .isEqualTo(3);
            assertThat(config(topic).get(MIN_ISR))
                    .as("%s: min.insync.replicas", Manifests.describe(topic))
                    .isEqualTo("2");
        }
    }

    static String topicName(JsonNode topic) {
        return topic.at("/spec/topicName").asText(Manifests.name(topic));
    }

    /** The topic's configuration as the strings Kafka receives (a YAML number and its quoted form are the same). */
    private static Map<String, String> config(JsonNode topic) {
        Map<String, String> config = new LinkedHashMap<>();
        topic.at("/spec/config")
                .fields()
                .forEachRemaining(
                        entry -> config.put(entry.getKey(), entry.getValue().asText()));
        return config;
    }
}
