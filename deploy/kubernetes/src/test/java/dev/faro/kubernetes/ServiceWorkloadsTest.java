package dev.faro.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.contract.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The four services' workloads, in every overlay: ports, probes, security, resources, and their companions. */
class ServiceWorkloadsTest {

    static Stream<Arguments> servicesInOverlays() {
        return Manifests.OVERLAYS.stream()
                .flatMap(overlay -> ServiceConfig.SERVICES.stream().map(service -> Arguments.of(overlay, service)));
    }

    static Stream<String> overlays() {
        return Manifests.OVERLAYS.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void theContainerListensOnTheServicesConfiguredHttpPort(String overlay, String service) {
        JsonNode deployment = ServiceDeployments.deployment(Manifests.of(overlay), service);

        assertThat(ServiceDeployments.httpPort(deployment))
                .as("%s %s: container port http = quarkus.http.port", overlay, Manifests.describe(deployment))
                .isEqualTo(ServiceConfig.of(service).httpPort());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void probesAskQuarkusHealthEndpointsOnTheHttpPort(String overlay, String service) {
        ServiceConfig config = ServiceConfig.of(service);
        String health =
                "/" + config.get("quarkus.http.non-application-root-path").orElse("q") + "/"
                        + config.get("quarkus.smallrye-health.root-path").orElse("health") + "/";
        JsonNode deployment = ServiceDeployments.deployment(Manifests.of(overlay), service);
        JsonNode container = ServiceDeployments.mainContainer(deployment);
        Map<String, Integer> ports = ServiceDeployments.portNames(deployment);

        Map<String, String> expected = Map.of(
                "readinessProbe",
                        health
                                + config.get("quarkus.smallrye-health.readiness-path")
                                        .orElse("ready"),
                "livenessProbe",
                        health
                                + config.get("quarkus.smallrye-health.liveness-path")
                                        .orElse("live"),
                "startupProbe",
                        health
                                + config.get("quarkus.smallrye-health.startup-path")
                                        .orElse("started"));
        expected.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            String where = overlay + " " + Manifests.describe(deployment) + " " + probe;
            assertThat(get.path("path").asText()).as(where + " path").isEqualTo(path);
            JsonNode port = get.path("port");
            int number = port.isInt() ? port.asInt() : ports.getOrDefault(port.asText(), -1);
            assertThat(number).as(where + " port " + port).isEqualTo(config.httpPort());
        });
        // A JVM that also migrates its schema needs minutes, not the default 30 s, before liveness may kill it.
        JsonNode startup = container.path("startupProbe");
        assertThat(startup.path("periodSeconds").asInt(10)
                        * startup.path("failureThreshold").asInt(3))
                .as("%s %s: startup budget in seconds", overlay, Manifests.describe(deployment))
                .isGreaterThanOrEqualTo(120);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentRunsAsNonRootWithReadOnlyRootAndNoCapabilities(String overlay) {
        List<JsonNode> deployments = Manifests.of(overlay).ofKind("Deployment");
        assertThat(deployments).as(overlay + " Deployments").isNotEmpty();
        for (JsonNode deployment : deployments) {
            String where = overlay + " " + Manifests.describe(deployment);
            JsonNode pod = ServiceDeployments.podSpec(deployment);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .as(where + " runAsNonRoot")
                    .isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt())
                    .as(where + " runAsUser")
                    .isEqualTo(185);
            assertThat(pod.at("/securityContext/seccompProfile/type").asText())
                    .as(where + " seccomp")
                    .isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                    .as(where + " token automount")
                    .isFalse();
            for (JsonNode container : ServiceDeployments.containers(deployment)) {
                String c = where + " container " + container.path("name").asText();
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean())
                        .as(c + " readOnlyRootFilesystem")
                        .isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                        .as(c + " allowPrivilegeEscalation")
                        .isFalse();
                assertThat(security.path("runAsNonRoot")
                                .asBoolean(
                                        pod.at("/securityContext/runAsNonRoot").asBoolean()))
                        .as(c + " runAsNonRoot")
                        .isTrue();
                assertThat(security.path("capabilities").path("drop").toString())
                        .as(c + " capabilities drop")
                        .contains("\"ALL\"");
                assertThat(security.path("capabilities").path("add").isEmpty())
                        .as(c + " adds no capability")
                        .isTrue();
                assertThat(writableTmp(pod, container))
                        .as(c + " has an emptyDir at /tmp")
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerStatesCpuAndMemoryRequestsAndLimits(String overlay) {
        for (JsonNode deployment : Manifests.of(overlay).ofKind("Deployment")) {
            for (JsonNode container : ServiceDeployments.containers(deployment)) {
                JsonNode resources = container.path("resources");
                String where = overlay + " " + Manifests.describe(deployment) + " container "
                        + container.path("name").asText();
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(resources.path(kind).path(resource).asText(""))
                                .as("%s %s.%s", where, kind, resource)
                                .isNotBlank();
                    }
                }
                assertThat(Quantities.bytes(resources.at("/limits/memory").asText()))
                        .as(where + " memory limit >= request")
                        .isGreaterThanOrEqualTo(Quantities.bytes(
                                resources.at("/requests/memory").asText()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyImageIsPinnedToATagOtherThanLatest(String overlay) {
        for (JsonNode deployment : Manifests.of(overlay).ofKind("Deployment")) {
            for (JsonNode container : ServiceDeployments.containers(deployment)) {
                String image = container.path("image").asText();
                String where = overlay + " " + Manifests.describe(deployment) + " image " + image;
                String lastSegment = image.substring(image.lastIndexOf('/') + 1);
                assertThat(lastSegment.contains(":") || image.contains("@sha256:"))
                        .as(where + " has a tag")
                        .isTrue();
                assertThat(lastSegment).as(where).doesNotEndWith(":latest");
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void everyDeploymentHasItsServiceAccountConfigMapServiceBudgetAndAutoscaler(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode deployment = ServiceDeployments.deployment(manifests, service);
        Map<String, String> pods = ServiceDeployments.podLabels(deployment);
        String where = overlay + " " + Manifests.describe(deployment);

        assertThat(ServicePolicies.selects(deployment.at("/spec/selector"), pods))
                .as(where + " selects its pods")
                .isTrue();
        assertThat(pods).as(where + " pod labels").containsEntry("app.kubernetes.io/name", service);

        String account = ServiceDeployments.podSpec(deployment)
                .path("serviceAccountName")
                .asText();
        assertThat(account).as(where + " serviceAccountName").isEqualTo(service);
        manifests.get("ServiceAccount", account);

        assertThat(ServiceDeployments.mainContainer(deployment).path("envFrom").toString())
                .as(where + " takes its settings from its ConfigMap")
                .contains("\"" + service + "-config\"");
        manifests.get("ConfigMap", service + "-config");

        JsonNode svc = manifests.get("Service", service);
        String serviceName = overlay + " Service/" + service;
        assertThat(ServicePolicies.selects(svc.at("/spec/selector"), pods))
                .as(serviceName + " selects the pods")
                .isTrue();
        for (JsonNode port : svc.at("/spec/ports")) {
            JsonNode target = port.path("targetPort");
            int number = target.isInt()
                    ? target.asInt()
                    : ServiceDeployments.portNames(deployment).getOrDefault(target.asText(), -1);
            assertThat(number)
                    .as(serviceName + " targetPort " + target)
                    .isEqualTo(ServiceConfig.of(service).httpPort());
        }

        JsonNode budget = manifests.get("PodDisruptionBudget", service);
        assertThat(ServicePolicies.selects(budget.at("/spec/selector"), pods))
                .as(overlay + " PodDisruptionBudget/" + service + " selects the pods")
                .isTrue();

        JsonNode autoscaler = manifests.get("HorizontalPodAutoscaler", service);
        String autoscalerName = overlay + " HorizontalPodAutoscaler/" + service;
        assertThat(autoscaler.at("/spec/scaleTargetRef/kind").asText() + "/"
                        + autoscaler.at("/spec/scaleTargetRef/name").asText())
                .as(autoscalerName + " target")
                .isEqualTo("Deployment/" + service);
        assertThat(deployment.at("/spec/replicas").asInt(1))
                .as(where + " replicas within the autoscaler's bounds")
                .isBetween(
                        autoscaler.at("/spec/minReplicas").asInt(1),
                        autoscaler.at("/spec/maxReplicas").asInt());
        assertThat(autoscaler.at("/spec/metrics").toString())
                .as(autoscalerName + " scales on CPU")
                .contains("\"cpu\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void aDisruptionBudgetNeverBlocksADrainOnItsOwn(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : ServiceConfig.SERVICES) {
            JsonNode budget = manifests.get("PodDisruptionBudget", service);
            int minReplicas = manifests
                    .get("HorizontalPodAutoscaler", service)
                    .at("/spec/minReplicas")
                    .asInt(1);
            JsonNode minAvailable = budget.at("/spec/minAvailable");
            if (!minAvailable.isMissingNode()) {
                assertThat(minAvailable.asInt())
                        .as(
                                "%s PodDisruptionBudget/%s minAvailable below the %d replicas the autoscaler keeps",
                                overlay, service, minReplicas)
                        .isLessThan(minReplicas);
            } else {
                assertThat(budget.at("/spec/maxUnavailable").asInt())
                        .as("%s PodDisruptionBudget/%s maxUnavailable", overlay, service)
                        .isPositive();
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void aConsumerNeverScalesBeyondThePartitionsItReads(String overlay, String service) {
        OptionalInt partitions = KafkaClients.consumedTopics(ServiceConfig.of(service)).stream()
                .mapToInt(topic -> Topics.byName(topic).partitions())
                .max();
        JsonNode autoscaler = Manifests.of(overlay).get("HorizontalPodAutoscaler", service);
        int maxReplicas = autoscaler.at("/spec/maxReplicas").asInt();

        // Replicas past the largest partition count of the topics a service consumes would hold no partition at all.
        assertThat(maxReplicas)
                .as(
                        "%s HorizontalPodAutoscaler/%s maxReplicas (consumes topics with at most %s partitions)",
                        overlay, service, partitions)
                .isLessThanOrEqualTo(partitions.orElse(Integer.MAX_VALUE))
                .isGreaterThanOrEqualTo(autoscaler.at("/spec/minReplicas").asInt(1));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void theDatabaseAcceptsEveryConnectionTheScaledOutServiceMayOpen(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode deployment = ServiceDeployments.deployment(manifests, service);
        int maxReplicas = manifests
                .get("HorizontalPodAutoscaler", service)
                .at("/spec/maxReplicas")
                .asInt();
        JsonNode surge = deployment.at("/spec/strategy/rollingUpdate/maxSurge");
        int pods = maxReplicas
                + (surge.isInt()
                        ? surge.asInt()
                        : (int) Math.ceil(maxReplicas
                                * Integer.parseInt(surge.asText("25%").replace("%", ""))
                                / 100.0));
        int pool = ServiceConfig.of(service).databaseConnections();
        String url = ServiceDeployments.value(
                manifests, ServiceDeployments.environment(manifests, deployment).get("QUARKUS_DATASOURCE_JDBC_URL"));
        String cluster = URI.create(url.substring("jdbc:".length())).getHost().replaceFirst("-rw$", "");
        JsonNode parameters = manifests.get("Cluster", cluster).at("/spec/postgresql/parameters");
        int available = parameters.path("max_connections").asInt(100)
                - parameters.path("superuser_reserved_connections").asInt(3);

        assertThat(pods * pool)
                .as(
                        "%s: %d %s pods (autoscaler maximum + rollout surge) x %d connections vs Cluster/%s",
                        overlay, pods, service, pool, cluster)
                .isLessThanOrEqualTo(available);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theGracePeriodLetsEmailServiceFinishAnSmtpSend(String overlay) throws IOException {
        String config = Files.readString(
                Repository.root().resolve("email-service/src/main/java/dev/faro/email/sending/EmailConfig.java"));
        Matcher fallback = Pattern.compile("@WithDefault\\(\"(\\d+)s\"\\)\\s*Duration sendTimeout\\(\\)")
                .matcher(config);
        assertThat(fallback.find())
                .as("EmailConfig's default send timeout, in seconds")
                .isTrue();
        long sendTimeout = Long.parseLong(ServiceConfig.of("email-service")
                .get("faro.email.sending.send-timeout")
                .orElse(fallback.group(1) + "s")
                .replace("s", ""));
        JsonNode deployment = ServiceDeployments.deployment(Manifests.of(overlay), "email-service");

        // At shutdown EmailSender waits for the send in progress: its send timeout plus 5 s.
        assertThat(ServiceDeployments.podSpec(deployment)
                        .path("terminationGracePeriodSeconds")
                        .asLong(30))
                .as("%s %s terminationGracePeriodSeconds", overlay, Manifests.describe(deployment))
                .isGreaterThan(sendTimeout + 5);
    }

    private static boolean writableTmp(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Kubernetes resource quantities, as far as memory sizes go. */
    static final class Quantities {

        private Quantities() {}

        static long bytes(String quantity) {
            Map<String, Long> units = Map.of(
                    "Ki",
                    1L << 10,
                    "Mi",
                    1L << 20,
                    "Gi",
                    1L << 30,
                    "Ti",
                    1L << 40,
                    "k",
                    1_000L,
                    "M",
                    1_000_000L,
                    "G",
                    1_000_000_000L);
            for (var unit : units.entrySet()) {
                if (quantity.endsWith(unit.getKey())) {
                    return Long.parseLong(quantity.substring(
                                    0, quantity.length() - unit.getKey().length()))
                            * unit.getValue();
                }
            }
            return Long.parseLong(quantity);
        }
    }
}
