package dev.faro.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The Strimzi Kafka cluster: KRaft on node pools, replication that fits its brokers, one TLS+SCRAM listener. */
class KafkaClusterTest {

    /** The name every service's bootstrap address and every KafkaTopic/KafkaUser label refers to. */
    private static final String CLUSTER = "faro";

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void thereIsOneKafkaClusterRunningKraftOnNodePools(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        assertThat(manifests.ofKind("Kafka").stream().map(Manifests::name))
                .as("Kafka clusters in %s", overlay)
                .containsExactly(CLUSTER);
        JsonNode kafka = manifests.get("Kafka", CLUSTER);
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1kraft").asText())
                .as("strimzi.io/kraft")
                .isEqualTo("enabled");
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1node-pools").asText())
                .as("strimzi.io/node-pools")
                .isEqualTo("enabled");
        assertThat(kafka.at("/spec/zookeeper").isMissingNode())
                .as("Kafka/faro has no ZooKeeper section")
                .isTrue();
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyNodePoolBelongsToFaroAndTheClusterHasControllersAndBrokers(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<JsonNode> pools = manifests.ofKind("KafkaNodePool");
        assertThat(pools).as("KafkaNodePools in %s", overlay).isNotEmpty();
        for (JsonNode pool : pools) {
            assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText())
                    .as("%s in %s: strimzi.io/cluster", Manifests.describe(pool), overlay)
                    .isEqualTo(CLUSTER);
            assertThat(pool.at("/spec/storage/type").asText())
                    .as("%s in %s: storage", Manifests.describe(pool), overlay)
                    .isIn("jbod", "persistent-claim");
        }
        assertThat(nodesWithRole(manifests, "controller"))
                .as("KRaft controllers in %s", overlay)
                .isPositive()
                .isOdd();
        assertThat(brokers(manifests)).as("brokers in %s", overlay).isPositive();
    }

    @Test
    void prodRunsAtLeastThreeBrokersAndAQuorumOfThreeControllers() {
        Manifests prod = Manifests.of("prod");
        assertThat(brokers(prod)).as("brokers in prod").isGreaterThanOrEqualTo(3);
        assertThat(nodesWithRole(prod, "controller")).as("controllers in prod").isGreaterThanOrEqualTo(3);
        for (JsonNode pool : prod.ofKind("KafkaNodePool")) {
            assertThat(pool.at("/spec/storage/type").asText()
                            + pool.at("/spec/storage/volumes/0/type").asText())
                    .as("%s in prod keeps its data on persistent volumes", Manifests.describe(pool))
                    .contains("persistent-claim");
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void replicationAndMinimumInSyncReplicasFitTheBrokers(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode config = manifests.get("Kafka", CLUSTER).at("/spec/kafka/config");
        int replication = Math.min(3, brokers(manifests));
        int minIsr = Math.max(1, replication - 1);
        String what = "Kafka/faro in " + overlay + " with " + brokers(manifests) + " brokers: ";
        assertThat(config.path("default.replication.factor").asInt())
                .as(what + "default.replication.factor")
                .isEqualTo(replication);
        assertThat(config.path("offsets.topic.replication.factor").asInt())
                .as(what + "offsets.topic.replication.factor")
                .isEqualTo(replication);
        assertThat(config.path("transaction.state.log.replication.factor").asInt())
                .as(what + "transaction.state.log.replication.factor")
                .isEqualTo(replication);
        assertThat(config.path("min.insync.replicas").asInt())
                .as(what + "min.insync.replicas")
                .isEqualTo(minIsr);
        assertThat(config.path("transaction.state.log.min.isr").asInt())
                .as(what + "transaction.state.log.min.isr")
                .isEqualTo(minIsr);
    }

    @Test
    void prodReplicatesThreeTimesAndAcknowledgesOnTwo() {
        JsonNode config = Manifests.of("prod").get("Kafka", CLUSTER).at("/spec/kafka/config");
        assertThat(config.path("default.replication.factor").asInt())
                .as("default.replication.factor")
                .isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt())
                .as("min.insync.replicas")
                .isEqualTo(2);
        assertThat(config.path("offsets.topic.replication.factor").asInt())
                .as("offsets.topic.replication.factor")
                .isEqualTo(3);
        assertThat(config.path("transaction.state.log.replication.factor").asInt())
                .as("transaction.state.log.replication.factor")
                .isEqualTo(3);
        assertThat(config.path("transaction.state.log.min.isr").asInt())
                .as("transaction.state.log.min.isr")
                .isEqualTo(2);
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void topicsAreNeverCreatedByAccident(String overlay) {
        JsonNode config = Manifests.of(overlay).get("Kafka", CLUSTER).at("/spec/kafka/config");
        assertThat(config.path("auto.create.topics.enable").asText())
                .as("Kafka/faro in %s: auto.create.topics.enable", overlay)
                .isEqualTo("false");
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void clientsConnectOnlyThroughOneTlsListenerWithScramAndSimpleAuthorization(String overlay) {
        JsonNode kafka = Manifests.of(overlay).get("Kafka", CLUSTER).at("/spec/kafka");
        JsonNode listeners = kafka.path("listeners");
        assertThat(listeners.size())
                .as("listeners of Kafka/faro in %s", overlay)
                .isEqualTo(1);
        JsonNode tls = listeners.get(0);
        assertThat(tls.path("name").asText()).as("listener name").isEqualTo("tls");
        assertThat(tls.path("port").asInt()).as("listener tls: port").isEqualTo(9093);
        assertThat(tls.path("type").asText()).as("listener tls: type").isEqualTo("internal");
        assertThat(tls.path("tls").asBoolean()).as("listener tls: tls").isTrue();
        assertThat(tls.at("/authentication/type").asText())
                .as("listener tls: authentication")
                .isEqualTo("scram-sha-512");
        assertThat(kafka.at("/authorization/type").asText())
                .as("Kafka/faro in %s: authorization", overlay)
                .isEqualTo("simple");
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void theEntityOperatorManagesTopicsAndUsers(String overlay) {
        JsonNode entityOperator = Manifests.of(overlay).get("Kafka", CLUSTER).at("/spec/entityOperator");
        assertThat(entityOperator.path("topicOperator").isObject())
                .as("topic operator in %s", overlay)
                .isTrue();
        assertThat(entityOperator.path("userOperator").isObject())
                .as("user operator in %s", overlay)
                .isTrue();
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void onlyTheServicesReachTheClientListener(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Set<String> services = new TreeSet<>(ServiceConfig.SERVICES);
        JsonNode listener = manifests.get("Kafka", CLUSTER).at("/spec/kafka/listeners/0");
        assertThat(podNames(listener.path("networkPolicyPeers")))
                .as("networkPolicyPeers of the tls listener in %s (Strimzi's own NetworkPolicy admits them)", overlay)
                .isEqualTo(services);

        JsonNode policy = manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> CLUSTER.equals(p.at("/spec/podSelector/matchLabels/strimzi.io~1cluster")
                                .asText())
                        && (CLUSTER + "-kafka")
                                .equals(p.at("/spec/podSelector/matchLabels/strimzi.io~1name")
                                        .asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " has no NetworkPolicy for the Kafka nodes"));
        for (JsonNode rule : policy.at("/spec/ingress")) {
            assertThat(rule.path("from").isEmpty())
                    .as("%s admits any source: %s", Manifests.describe(policy), rule)
                    .isFalse();
            boolean clientPort = StreamSupport.stream(rule.path("ports").spliterator(), false)
                    .anyMatch(port -> port.path("port").asInt() == 9093);
            if (clientPort) {
                assertThat(podNames(rule.path("from")))
                        .as("%s in %s: who reaches port 9093", Manifests.describe(policy), overlay)
                        .isEqualTo(services);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyServiceBootstrapsFromTheClustersListenerWithItsProtocolAndMechanism(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode listener = manifests.get("Kafka", CLUSTER).at("/spec/kafka/listeners/0");
        // Strimzi's bootstrap Service is <cluster>-kafka-bootstrap; SCRAM over a TLS listener is SASL_SSL for clients.
        String bootstrap = CLUSTER + "-kafka-bootstrap:" + listener.path("port").asInt();
        String protocol = listener.path("tls").asBoolean() ? "SASL_SSL" : "SASL_PLAINTEXT";
        String mechanism = listener.at("/authentication/type").asText().toUpperCase(Locale.ROOT);
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            JsonNode settings = manifests.get("ConfigMap", service + "-config").path("data");
            String variable = PostgresClustersTest.variable(config, "kafka.bootstrap.servers");
            String what = "ConfigMap/" + service + "-config in " + overlay + ": ";
            assertThat(settings.path(variable).asText()).as(what + variable).isEqualTo(bootstrap);
            assertThat(settings.path("KAFKA_SECURITY_PROTOCOL").asText())
                    .as(what + "KAFKA_SECURITY_PROTOCOL")
                    .isEqualTo(protocol);
            assertThat(settings.path("KAFKA_SASL_MECHANISM").asText())
                    .as(what + "KAFKA_SASL_MECHANISM")
                    .isEqualTo(mechanism);
        }
    }

    /** How many nodes run the broker role, over every pool. */
    static int brokers(Manifests manifests) {
        return nodesWithRole(manifests, "broker");
    }

    private static int nodesWithRole(Manifests manifests, String role) {
        return manifests.ofKind("KafkaNodePool").stream()
                .filter(pool -> StreamSupport.stream(pool.at("/spec/roles").spliterator(), false)
                        .anyMatch(r -> role.equals(r.asText())))
                .mapToInt(pool -> pool.at("/spec/replicas").asInt())
                .sum();
    }

    /** The {@code app.kubernetes.io/name} of every pod selector among these peers. */
    private static Set<String> podNames(JsonNode peers) {
        Set<String> names = new TreeSet<>();
        for (JsonNode peer : peers) {
            JsonNode name = peer.at("/podSelector/matchLabels/app.kubernetes.io~1name");
            if (!name.isMissingNode()) {
                names.add(name.asText());
            }
        }
        return names;
    }
}
