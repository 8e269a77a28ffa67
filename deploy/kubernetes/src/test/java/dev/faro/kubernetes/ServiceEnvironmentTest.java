package dev.faro.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.kubernetes.ServiceDeployments.EnvSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The environment each Deployment gives its service is the one the service's production configuration reads:
 * nothing it needs missing, nothing it ignores, and every reference pointing at something that will exist.
 */
class ServiceEnvironmentTest {

    /** Keys of the Secrets the operators (Strimzi, CloudNativePG) generate that Faro reads. */
    private static final Set<String> KAFKA_USER_KEYS = Set.of("password", "sasl.jaas.config");

    private static final Set<String> DATABASE_APP_KEYS = Set.of("username", "password", "jdbc-uri", "uri", "dbname");

    static Stream<Arguments> servicesInOverlays() {
        return Manifests.OVERLAYS.stream()
                .flatMap(overlay -> ServiceConfig.SERVICES.stream().map(service -> Arguments.of(overlay, service)));
    }

    static Stream<String> overlays() {
        return Manifests.OVERLAYS.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void everyVariableTheProdConfigurationRequiresIsProvided(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode deployment = ServiceDeployments.deployment(manifests, service);
        Set<String> provided =
                ServiceDeployments.environment(manifests, deployment).keySet();

        assertThat(ServiceSettings.required(service))
                .as("%s: variables %s requires", overlay, service)
                .isNotEmpty();
        assertThat(provided)
                .as(
                        "%s %s provides what %s's prod configuration requires",
                        overlay, Manifests.describe(deployment), service)
                .containsAll(ServiceSettings.required(service));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void everyVariableTheDeploymentSetsIsOneTheServiceReads(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode deployment = ServiceDeployments.deployment(manifests, service);
        Set<String> set = ServiceDeployments.environment(manifests, deployment).keySet();

        assertThat(set)
                .as("%s %s variables", overlay, Manifests.describe(deployment))
                .isNotEmpty();
        assertThat(set.stream().filter(v -> !ServiceSettings.reads(service, v)).toList())
                .as("%s %s sets variables %s never reads", overlay, Manifests.describe(deployment), service)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyReferenceNamesARenderedConfigMapOrADocumentedSecret(String overlay) throws IOException {
        Manifests manifests = Manifests.of(overlay);
        String readme = Files.readString(Repository.kubernetes().resolve("README.md"));
        for (String service : ServiceConfig.SERVICES) {
            JsonNode deployment = ServiceDeployments.deployment(manifests, service);
            List<String[]> references = new ArrayList<>(); // kind, name, key (null: whole object)
            for (EnvSource source :
                    ServiceDeployments.environment(manifests, deployment).values()) {
                if (source.configMap() != null) {
                    references.add(new String[] {"ConfigMap", source.configMap(), source.key()});
                } else if (source.secret() != null) {
                    references.add(new String[] {"Secret", source.secret(), source.key()});
                }
            }
            for (JsonNode volume : ServiceDeployments.podSpec(deployment).path("volumes")) {
                for (String kind : List.of("secret", "configMap")) {
                    JsonNode ref = volume.path(kind);
                    if (ref.isMissingNode()) {
                        continue;
                    }
                    String name = ref.path(kind.equals("secret") ? "secretName" : "name")
                            .asText();
                    String type = kind.equals("secret") ? "Secret" : "ConfigMap";
                    if (ref.path("items").isEmpty()) {
                        references.add(new String[] {type, name, null});
                    }
                    ref.path("items")
                            .forEach(item -> references.add(
                                    new String[] {type, name, item.path("key").asText()}));
                }
            }
            for (String[] ref : references) {
                String where = overlay + " " + Manifests.describe(deployment) + " → " + ref[0] + " " + ref[1]
                        + (ref[2] == null ? "" : "/" + ref[2]);
                if (ref[0].equals("ConfigMap")) {
                    JsonNode configMap = manifests
                            .find("ConfigMap", ref[1])
                            .orElseThrow(() -> new AssertionError(where + ": no such ConfigMap in the render"));
                    if (ref[2] != null) {
                        assertThat(configMap.path("data").has(ref[2])).as(where).isTrue();
                    }
                } else {
                    assertThat(documentedSecret(manifests, service, ref[1], ref[2], readme))
                            .as(where + ": a Secret the README documents or an operator generates")
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void theDatabaseSettingsNameTheServicesOwnCluster(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode deployment = ServiceDeployments.deployment(manifests, service);
        Map<String, EnvSource> env = ServiceDeployments.environment(manifests, deployment);
        URI url = URI.create(ServiceDeployments.value(manifests, env.get("QUARKUS_DATASOURCE_JDBC_URL"))
                .substring("jdbc:".length()));
        String where = overlay + " " + Manifests.describe(deployment);

        assertThat(url.getScheme()).as(where + " JDBC URL scheme").isEqualTo("postgresql");
        assertThat(url.getHost())
                .as(where + " connects to a CloudNativePG read-write Service")
                .endsWith("-rw");
        String cluster = url.getHost().substring(0, url.getHost().length() - "-rw".length());
        JsonNode initdb = manifests.get("Cluster", cluster).at("/spec/bootstrap/initdb");
        assertThat(url.getPath())
                .as(where + " database")
                .isEqualTo("/" + initdb.path("database").asText());
        assertThat(url.getPort()).as(where + " port").isEqualTo(5432);
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertThat(env.get(variable)).as(where + " " + variable).isNotNull();
            assertThat(env.get(variable).secret())
                    .as(where + " " + variable + " secret")
                    .isEqualTo(cluster + "-app");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void theKafkaSettingsMatchTheClustersListenerAndTheServicesUser(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode deployment = ServiceDeployments.deployment(manifests, service);
        Map<String, EnvSource> env = ServiceDeployments.environment(manifests, deployment);
        String where = overlay + " " + Manifests.describe(deployment);

        String[] bootstrap = ServiceDeployments.value(manifests, env.get("KAFKA_BOOTSTRAP_SERVERS"))
                .split(":");
        assertThat(bootstrap[0]).as(where + " bootstrap host").endsWith("-kafka-bootstrap");
        String cluster = bootstrap[0].substring(0, bootstrap[0].length() - "-kafka-bootstrap".length());
        JsonNode kafka = manifests.get("Kafka", cluster);
        JsonNode listener = stream(kafka.at("/spec/kafka/listeners"))
                .filter(l -> l.path("port").asInt() == Integer.parseInt(bootstrap[1]))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(where + ": Kafka/" + cluster + " has no listener on " + bootstrap[1]));
        assertThat(listener.path("tls").asBoolean())
                .as(where + " listener is TLS")
                .isTrue();
        assertThat(value(manifests, env, "KAFKA_SECURITY_PROTOCOL")).as(where).isEqualTo("SASL_SSL");
        assertThat(value(manifests, env, "KAFKA_SASL_MECHANISM"))
                .as(where + " SASL mechanism")
                .isEqualToIgnoringCase(listener.at("/authentication/type").asText());

        JsonNode user = manifests.get("KafkaUser", service);
        assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText())
                .as(where + " KafkaUser cluster")
                .isEqualTo(cluster);
        assertThat(user.at("/spec/authentication/type").asText())
                .as(where + " KafkaUser authentication")
                .isEqualTo(listener.at("/authentication/type").asText());
        assertThat(env.get("KAFKA_SASL_JAAS_CONFIG"))
                .as(where + " KAFKA_SASL_JAAS_CONFIG")
                .isNotNull();
        assertThat(env.get("KAFKA_SASL_JAAS_CONFIG").secret() + "/"
                        + env.get("KAFKA_SASL_JAAS_CONFIG").key())
                .as(where + " JAAS from the KafkaUser's Secret")
                .isEqualTo(service + "/sasl.jaas.config");

        assertThat(value(manifests, env, "KAFKA_SSL_TRUSTSTORE_TYPE")).as(where).isEqualTo("PEM");
        String truststore = value(manifests, env, "KAFKA_SSL_TRUSTSTORE_LOCATION");
        assertThat(mountedSecretFile(deployment, truststore))
                .as(where + " truststore " + truststore + " is the cluster CA certificate")
                .contains(cluster + "-cluster-ca-cert/ca.crt");
    }

    private static String value(Manifests manifests, Map<String, EnvSource> env, String variable) {
        EnvSource source = env.get(variable);
        if (source == null) {
            throw new AssertionError("no " + variable);
        }
        return ServiceDeployments.value(manifests, source);
    }

    /** "secret/key" of the file at this path, if a secret volume puts one there. */
    private static Optional<String> mountedSecretFile(JsonNode deployment, String path) {
        for (JsonNode mount : ServiceDeployments.mainContainer(deployment).path("volumeMounts")) {
            String dir = mount.path("mountPath").asText();
            if (!path.startsWith(dir + "/")) {
                continue;
            }
            String file = path.substring(dir.length() + 1);
            for (JsonNode volume : ServiceDeployments.podSpec(deployment).path("volumes")) {
                if (!volume.path("name").asText().equals(mount.path("name").asText()) || !volume.has("secret")) {
                    continue;
                }
                String secret = volume.at("/secret/secretName").asText();
                if (volume.at("/secret/items").isEmpty()) {
                    return Optional.of(secret + "/" + file);
                }
                for (JsonNode item : volume.at("/secret/items")) {
                    if (item.path("path").asText().equals(file)) {
                        return Optional.of(secret + "/" + item.path("key").asText());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A Secret the manifests may reference without holding it: the service's own (every key named in the README),
     * the Strimzi-generated one of its KafkaUser, CloudNativePG's app secret of a Cluster, Strimzi's cluster CA.
     */
    private static boolean documentedSecret(
            Manifests manifests, String service, String name, String key, String readme) {
        if (manifests.find("Secret", name).isPresent()) {
            return false; // secret values are never committed
        }
        if (name.equals(service + "-secrets")) {
            return key != null
                    && readme.contains("`" + key + "`")
                    && readme.contains(name.replace(service, "<service>"));
        }
        if (name.equals(service) && manifests.find("KafkaUser", service).isPresent()) {
            return key != null && KAFKA_USER_KEYS.contains(key);
        }
        if (name.endsWith("-app")
                && manifests
                        .find("Cluster", name.substring(0, name.length() - 4))
                        .isPresent()) {
            return key != null && DATABASE_APP_KEYS.contains(key);
        }
        if (name.endsWith("-cluster-ca-cert")
                && manifests
                        .find("Kafka", name.substring(0, name.length() - "-cluster-ca-cert".length()))
                        .isPresent()) {
            return "ca.crt".equals(key);
        }
        return false;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
