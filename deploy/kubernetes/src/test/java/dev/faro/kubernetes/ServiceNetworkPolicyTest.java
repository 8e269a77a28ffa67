package dev.faro.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.kubernetes.ServicePolicies.Peer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NetworkPolicies around Faro's service pods: everything denied, then exactly Faro's own traffic allowed, each
 * allowance derived from what the services are configured to reach.
 */
class ServiceNetworkPolicyTest {

    /** Namespaces outside the overlay that policies may name; the README says what runs there. */
    static final Set<String> EXTERNAL_NAMESPACES = Set.of("kube-system", "ingress-nginx", "monitoring");

    /** Addresses outside the cluster: a public one (TEST-NET-3), a private one and the cloud metadata service. */
    private static final String PUBLIC_ADDRESS = "203.0.113.10";

    private static final List<String> PRIVATE_ADDRESSES = List.of("10.1.2.3", "192.168.1.1", "169.254.169.254");

    static Stream<String> overlays() {
        return Manifests.OVERLAYS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void aDefaultDenyIsolatesEveryServicePodBothWays(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<JsonNode> denials = manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> ServicePolicies.types(p).containsAll(List.of("Ingress", "Egress")))
                .filter(p ->
                        p.at("/spec/ingress").isEmpty() && p.at("/spec/egress").isEmpty())
                .toList();
        for (String service : ServiceConfig.SERVICES) {
            Map<String, String> pods = ServiceDeployments.podLabels(ServiceDeployments.deployment(manifests, service));
            assertThat(denials)
                    .as(
                            "%s: a deny-all policy (Ingress and Egress, no rules) selects %s's pods %s",
                            overlay, service, pods)
                    .anyMatch(p -> ServicePolicies.selects(p.at("/spec/podSelector"), pods));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPeerOfTheServicesPoliciesSelectsSomethingThatRuns(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<Map<String, String>> running = runningPods(manifests);
        List<JsonNode> servicePolicies = manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> ServiceConfig.SERVICES.stream()
                        .anyMatch(s -> ServicePolicies.selects(
                                p.at("/spec/podSelector"),
                                ServiceDeployments.podLabels(ServiceDeployments.deployment(manifests, s)))))
                .toList();
        assertThat(servicePolicies)
                .as(overlay + " policies for the service pods")
                .isNotEmpty();
        for (JsonNode policy : servicePolicies) {
            List<JsonNode> peers = new ArrayList<>();
            policy.at("/spec/ingress").forEach(rule -> rule.path("from").forEach(peers::add));
            policy.at("/spec/egress").forEach(rule -> rule.path("to").forEach(peers::add));
            for (JsonNode peer : peers) {
                String where = overlay + " " + Manifests.describe(policy) + " peer " + peer;
                if (peer.has("ipBlock")) {
                    assertThat(peer.at("/ipBlock/cidr").asText()).as(where).contains("/");
                } else if (peer.has("namespaceSelector")) {
                    assertThat(peer.has("podSelector"))
                            .as(where + ": pods of another namespace are not Faro's")
                            .isFalse();
                    assertThat(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                                    .asText())
                            .as(where + ": names one of the documented namespaces")
                            .isIn(EXTERNAL_NAMESPACES);
                } else {
                    assertThat(running)
                            .as(where + " selects pods this overlay runs")
                            .anyMatch(pods -> ServicePolicies.selects(peer.path("podSelector"), pods));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceReachesDnsKafkaAndItsOwnDatabaseOnly(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        ServicePolicies policies = new ServicePolicies(manifests);
        for (String service : ServiceConfig.SERVICES) {
            JsonNode deployment = ServiceDeployments.deployment(manifests, service);
            Map<String, String> pods = ServiceDeployments.podLabels(deployment);
            var env = ServiceDeployments.environment(manifests, deployment);
            String where = overlay + " " + service;

            assertThat(policies.allowsEgress(pods, Peer.namespace("kube-system"), 53, Map.of()))
                    .as(where + " → DNS")
                    .isTrue();

            URI database = URI.create(ServiceDeployments.value(manifests, env.get("QUARKUS_DATASOURCE_JDBC_URL"))
                    .substring("jdbc:".length()));
            String cluster = database.getHost().replaceFirst("-rw$", "");
            manifests.get("Cluster", cluster);
            for (String other : ServiceConfig.SERVICES) {
                String otherCluster = URI.create(ServiceDeployments.value(
                                        manifests,
                                        ServiceDeployments.environment(
                                                        manifests, ServiceDeployments.deployment(manifests, other))
                                                .get("QUARKUS_DATASOURCE_JDBC_URL"))
                                .substring("jdbc:".length()))
                        .getHost()
                        .replaceFirst("-rw$", "");
                assertThat(policies.allowsEgress(
                                pods, Peer.pods(Map.of("cnpg.io/cluster", otherCluster)), database.getPort(), Map.of()))
                        .as("%s → PostgreSQL cluster %s:%d", where, otherCluster, database.getPort())
                        .isEqualTo(otherCluster.equals(cluster));
            }

            String[] bootstrap = ServiceDeployments.value(manifests, env.get("KAFKA_BOOTSTRAP_SERVERS"))
                    .split(":");
            String kafka = bootstrap[0].replaceFirst("-kafka-bootstrap$", "");
            manifests.get("Kafka", kafka);
            assertThat(policies.allowsEgress(
                            pods, Peer.pods(kafkaPod(kafka)), Integer.parseInt(bootstrap[1]), Map.of()))
                    .as("%s → Kafka %s on %s", where, kafka, bootstrap[1])
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theIngressControllerAndPrometheusReachEveryServiceOnItsHttpPortOnly(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        ServicePolicies policies = new ServicePolicies(manifests);
        for (String service : ServiceConfig.SERVICES) {
            JsonNode deployment = ServiceDeployments.deployment(manifests, service);
            Map<String, String> pods = ServiceDeployments.podLabels(deployment);
            Map<String, Integer> ports = ServiceDeployments.portNames(deployment);
            int http = ServiceConfig.of(service).httpPort();
            for (String namespace : List.of("ingress-nginx", "monitoring")) {
                assertThat(policies.allowsIngress(pods, Peer.namespace(namespace), http, ports))
                        .as("%s %s ← %s on %d", overlay, service, namespace, http)
                        .isTrue();
                assertThat(policies.allowsIngress(pods, Peer.namespace(namespace), 5005, ports))
                        .as("%s %s ← %s on another port", overlay, service, namespace)
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesTalkToEachOtherOnlyWhereLeadServicesPrivacyExportAsks(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        ServicePolicies policies = new ServicePolicies(manifests);
        JsonNode lead = ServiceDeployments.deployment(manifests, "lead-service");
        Set<String> asked = new TreeSet<>();
        ServiceDeployments.environment(manifests, lead).values().stream()
                .filter(source -> source.configMap() != null || source.literal() != null)
                .map(source -> ServiceDeployments.value(manifests, source))
                .filter(value -> value.startsWith("http://"))
                .map(value -> URI.create(value).getHost())
                .filter(host -> manifests.find("Service", host).isPresent())
                .forEach(asked::add);
        assertThat(asked)
                .as(overlay + " in-cluster services lead-service's settings name")
                .containsExactlyInAnyOrderElementsOf(ServiceConfig.SERVICES.stream()
                        .filter(s -> !s.equals("lead-service"))
                        .toList());

        for (String from : ServiceConfig.SERVICES) {
            for (String to : ServiceConfig.SERVICES) {
                if (from.equals(to)) {
                    continue;
                }
                JsonNode source = ServiceDeployments.deployment(manifests, from);
                JsonNode target = ServiceDeployments.deployment(manifests, to);
                int port = ServiceConfig.of(to).httpPort();
                boolean expected = from.equals("lead-service") && asked.contains(to);
                Map<String, String> sourcePods = ServiceDeployments.podLabels(source);
                Map<String, String> targetPods = ServiceDeployments.podLabels(target);
                Map<String, Integer> targetPorts = ServiceDeployments.portNames(target);
                // Checked at both ends, so each side's policy holds even if the other one is loosened.
                assertThat(policies.allowsEgress(sourcePods, Peer.pods(targetPods), port, targetPorts))
                        .as("%s %s may connect to %s:%d", overlay, from, to, port)
                        .isEqualTo(expected);
                assertThat(policies.allowsIngress(targetPods, Peer.pods(sourcePods), port, targetPorts))
                        .as("%s %s accepts %s on %d", overlay, to, from, port)
                        .isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void emailServiceReachesItsSmtpRelayAndNoOtherServiceDoes(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        ServicePolicies policies = new ServicePolicies(manifests);
        JsonNode email = ServiceDeployments.deployment(manifests, "email-service");
        int smtp = Integer.parseInt(ServiceDeployments.value(
                manifests, ServiceDeployments.environment(manifests, email).get("QUARKUS_MAILER_PORT")));
        for (String service : ServiceConfig.SERVICES) {
            Map<String, String> pods = ServiceDeployments.podLabels(ServiceDeployments.deployment(manifests, service));
            assertThat(policies.allowsEgress(pods, Peer.internet(PUBLIC_ADDRESS), smtp, Map.of()))
                    .as("%s %s → SMTP %d", overlay, service, smtp)
                    .isEqualTo(service.equals("email-service"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyLeadServiceReachesTheInternetOverHttpsAndNeverPrivateAddresses(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        ServicePolicies policies = new ServicePolicies(manifests);
        for (String service : ServiceConfig.SERVICES) {
            Map<String, String> pods = ServiceDeployments.podLabels(ServiceDeployments.deployment(manifests, service));
            // lead-service posts webhooks to CRMs, which must be public https hosts.
            assertThat(policies.allowsEgress(pods, Peer.internet(PUBLIC_ADDRESS), 443, Map.of()))
                    .as("%s %s → a public https host", overlay, service)
                    .isEqualTo(service.equals("lead-service"));
            for (String address : PRIVATE_ADDRESSES) {
                assertThat(policies.allowsEgress(pods, Peer.internet(address), 443, Map.of()))
                        .as("%s %s → %s:443", overlay, service, address)
                        .isFalse();
            }
        }
    }

    /** The labels of every pod the overlay makes: the Deployments' and those the operators make from its CRs. */
    private static List<Map<String, String>> runningPods(Manifests manifests) {
        List<Map<String, String>> pods = new ArrayList<>();
        manifests.ofKind("Deployment").forEach(d -> pods.add(ServiceDeployments.podLabels(d)));
        manifests.ofKind("Kafka").forEach(k -> pods.add(kafkaPod(Manifests.name(k))));
        manifests.ofKind("Cluster").stream()
                .filter(c -> c.path("apiVersion").asText().startsWith("postgresql.cnpg.io/"))
                .forEach(c -> pods.add(Map.of("cnpg.io/cluster", Manifests.name(c))));
        return pods;
    }

    /** The labels Strimzi puts on the broker pods of a Kafka cluster. */
    private static Map<String, String> kafkaPod(String cluster) {
        return Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka");
    }
}
