package dev.faro.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.contract.Topics;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each service's KafkaUser grants exactly the reads, groups and writes the service's own code and config use. */
class KafkaUsersTest {

    /**
     * The topics each service publishes to. Checked against the services' sources below, so a new event a service
     * starts publishing fails {@link #theWriteListIsWhatTheServicesSourcesPublish()} until its user may write it.
     */
    static final Map<String, Set<String>> WRITES = Map.of(
            "lead-service",
                    Set.of(Topics.LEADS.name(), Topics.LEAD_KEYS.name(), Topics.VISITS.name(), Topics.CAMPAIGNS.name()),
            "incentive-service", Set.of(Topics.INCENTIVES.name(), Topics.DEAD_LETTER.name()),
            "email-service", Set.of(Topics.EMAILS.name(), Topics.DEAD_LETTER.name()),
            "analytics-service", Set.of(Topics.DIGESTS.name(), Topics.DEAD_LETTER.name()));

    @Test
    void theWriteListIsWhatTheServicesSourcesPublish() {
        for (String service : ServiceConfig.SERVICES) {
            Set<String> published = new TreeSet<>(KafkaClients.topicsOfCreatedEvents(service));
            // A service that consumes parks what it can never process on the dead-letter topic (EventInbox).
            if (!KafkaClients.incomingChannels(ServiceConfig.of(service)).isEmpty()) {
                published.add(Topics.DEAD_LETTER.name());
            }
            assertThat(WRITES.get(service))
                    .as("the topics %s publishes to (events its sources create, dead letters if it consumes)", service)
                    .containsExactlyInAnyOrderElementsOf(published);
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyServiceHasOneScramUserOfTheFaroClusterAndThereAreNoOthers(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        assertThat(manifests.ofKind("KafkaUser").stream().map(Manifests::name))
                .as("KafkaUsers in %s", overlay)
                .containsExactlyInAnyOrderElementsOf(ServiceConfig.SERVICES);
        for (JsonNode user : manifests.ofKind("KafkaUser")) {
            assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText())
                    .as("%s's cluster", Manifests.describe(user))
                    .isEqualTo(Manifests.name(manifests.ofKind("Kafka").get(0)));
            assertThat(user.at("/spec/authentication/type").asText())
                    .as("%s's authentication", Manifests.describe(user))
                    .isEqualTo("scram-sha-512");
            assertThat(user.at("/spec/authorization/type").asText())
                    .as("%s's authorization", Manifests.describe(user))
                    .isEqualTo("simple");
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyUserMayDoExactlyWhatItsServiceDoes(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            Set<String> expected = new TreeSet<>();
            KafkaClients.consumedTopics(config).forEach(topic -> {
                expected.add(grant("topic", topic, "Read"));
                expected.add(grant("topic", topic, "Describe"));
            });
            KafkaClients.consumerGroups(config).forEach(group -> expected.add(grant("group", group, "Read")));
            WRITES.get(service).forEach(topic -> {
                expected.add(grant("topic", topic, "Write"));
                expected.add(grant("topic", topic, "Describe"));
            });

            JsonNode user = manifests.get("KafkaUser", service);
            assertThat(grants(user))
                    .as("%s in %s: (resource type, name, operation) granted", Manifests.describe(user), overlay)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyAclNamesOneLiteralResourceFromAnyHost(String overlay) {
        for (JsonNode user : Manifests.of(overlay).ofKind("KafkaUser")) {
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                String what = Manifests.describe(user) + " ACL " + acl;
                assertThat(acl.at("/resource/type").asText()).as(what).isIn("topic", "group");
                assertThat(acl.at("/resource/patternType").asText("literal"))
                        .as(what)
                        .isEqualTo("literal");
                assertThat(acl.at("/resource/name").asText())
                        .as(what)
                        .isNotBlank()
                        .doesNotContain("*");
                assertThat(acl.path("host").asText("*")).as(what).isEqualTo("*");
                assertThat(acl.has("operation"))
                        .as(what + " uses the deprecated single operation")
                        .isFalse();
                assertThat(acl.path("type").asText("allow")).as(what).isEqualTo("allow");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyTopicAnAclNamesIsDeclared(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Set<String> declared = manifests.ofKind("KafkaTopic").stream()
                .map(topic -> topic.at("/spec/topicName").asText(Manifests.name(topic)))
                .collect(Collectors.toSet());
        for (JsonNode user : manifests.ofKind("KafkaUser")) {
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                if ("topic".equals(acl.at("/resource/type").asText())) {
                    assertThat(declared)
                            .as("%s in %s grants on a topic no KafkaTopic declares", Manifests.describe(user), overlay)
                            .contains(acl.at("/resource/name").asText());
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyServiceAuthenticatesWithItsOwnUsersGeneratedSecret(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : ServiceConfig.SERVICES) {
            JsonNode deployment = manifests.get("Deployment", service);
            JsonNode jaas = StreamSupport.stream(
                            deployment.at("/spec/template/spec/containers").spliterator(), false)
                    .flatMap(container ->
                            StreamSupport.stream(container.path("env").spliterator(), false))
                    .filter(env ->
                            "KAFKA_SASL_JAAS_CONFIG".equals(env.path("name").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            Manifests.describe(deployment) + " in " + overlay + " sets no KAFKA_SASL_JAAS_CONFIG"));
            assertThat(jaas.at("/valueFrom/secretKeyRef/name").asText())
                    .as("the Secret %s in %s takes its Kafka credentials from", Manifests.describe(deployment), overlay)
                    .isEqualTo(Manifests.name(manifests.get("KafkaUser", service)));
            assertThat(jaas.at("/valueFrom/secretKeyRef/key").asText())
                    .as("the key of the Strimzi user Secret %s reads", Manifests.describe(deployment))
                    .isEqualTo("sasl.jaas.config");
        }
    }

    private static Set<String> grants(JsonNode user) {
        Set<String> grants = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            for (JsonNode operation : acl.path("operations")) {
                grants.add(grant(
                        acl.at("/resource/type").asText(),
                        acl.at("/resource/name").asText(),
                        operation.asText()));
            }
        }
        return grants;
    }

    private static String grant(String type, String name, String operation) {
        return type + " " + name + " " + operation;
    }
}
