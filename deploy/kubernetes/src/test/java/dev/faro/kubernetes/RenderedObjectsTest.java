package dev.faro.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What holds for every object an overlay renders, whatever its kind: a known API and kind, a valid name, one of
 * each, the labels that tie it to Faro, and no credentials.
 */
class RenderedObjectsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** Every kind these manifests may use, with the one API version each is written against. */
    private static final Map<String, String> KNOWN_KINDS = Map.ofEntries(
            Map.entry("Namespace", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("ServiceAccount", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1"),
            Map.entry("KafkaNodePool", "kafka.strimzi.io/v1"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1"),
            Map.entry("KafkaUser", "kafka.strimzi.io/v1"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"),
            Map.entry("ScheduledBackup", "postgresql.cnpg.io/v1"),
            Map.entry("ObjectStore", "barmancloud.cnpg.io/v1"));

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    /** Services, Namespaces and most custom resources take the stricter DNS label (no dots, 63 characters). */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static final Set<String> NAMED_AS_LABELS = Set.of("Namespace", "Service");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyOverlayRendersEveryPartOfFaro(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        assertThat(manifests.all()).as("objects of %s", overlay).hasSizeGreaterThan(40);
        assertThat(manifests.ofKind("Deployment")).hasSize(4);
        assertThat(manifests.ofKind("Kafka")).hasSize(1);
        assertThat(manifests.ofKind("Cluster")).hasSize(4);
        assertThat(manifests.ofKind("Namespace")).hasSize(1);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectHasAKnownKindAtTheApiVersionItIsWrittenFor(String overlay) {
        assertThat(Manifests.of(overlay).all()).allSatisfy(object -> {
            String kind = object.path("kind").asText();
            assertThat(KNOWN_KINDS).as("kind of %s", Manifests.describe(object)).containsKey(kind);
            assertThat(object.path("apiVersion").asText())
                    .as("apiVersion of %s", Manifests.describe(object))
                    .isEqualTo(KNOWN_KINDS.get(kind));
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectHasAValidNameAndLivesInTheOverlaysNamespace(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        String namespace = Manifests.name(manifests.ofKind("Namespace").get(0));

        assertThat(manifests.all()).allSatisfy(object -> {
            String name = Manifests.name(object);
            Pattern rule = NAMED_AS_LABELS.contains(object.path("kind").asText()) ? DNS_LABEL : DNS_SUBDOMAIN;
            assertThat(name).as("name of %s", Manifests.describe(object)).matches(rule);
            if (!"Namespace".equals(object.path("kind").asText())) {
                assertThat(object.at("/metadata/namespace").asText())
                        .as("namespace of %s", Manifests.describe(object))
                        .isEqualTo(namespace);
            }
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noObjectIsDeclaredTwice(String overlay) {
        Set<String> seen = new HashSet<>();
        assertThat(Manifests.of(overlay).all()).allSatisfy(object -> assertThat(seen.add(Manifests.describe(object)))
                .as("%s declared once", Manifests.describe(object))
                .isTrue());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectButTheNamespaceIsLabelledAsPartOfFaroAndNamed(String overlay) {
        assertThat(Manifests.of(overlay).all())
                .filteredOn(object -> !"Namespace".equals(object.path("kind").asText()))
                .allSatisfy(object -> {
                    JsonNode labels = object.at("/metadata/labels");
                    assertThat(labels.path("app.kubernetes.io/part-of").asText())
                            .as("part-of label of %s", Manifests.describe(object))
                            .isEqualTo("faro");
                });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noSecretIsCommittedNeitherAsAnObjectNorAsALiteralValue(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        assertThat(manifests.ofKind("Secret")).as("Secrets in %s", overlay).isEmpty();
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key -> assertThat(key.toUpperCase())
                    .as("key %s of %s looks like a credential", key, Manifests.describe(configMap))
                    .doesNotContain("PASSWORD", "SECRET", "PRIVATE_KEY", "JAAS", "PEPPER", "WRAPPING_KEY"));
        }
    }
}
