package dev.faro.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.kubernetes.ServiceResources.Endpoint;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the Ingress publishes: exactly the paths people outside need, each backed by what the service really
 * serves there, over TLS, and nothing of the admin APIs or Quarkus' own endpoints.
 */
class PublicExposureTest {

    /** Who may use a public path: anyone, anyone (a static file), or a marketer with a token (the dashboard's API). */
    enum Access {
        ANONYMOUS,
        STATIC_FILE,
        MARKETER_TOKEN
    }

    /** One published path: on which Ingress, how it matches, which service answers, who may use it. */
    record PublicPath(String ingress, String path, String pathType, String service, Access access) {}

    private static final String PUBLIC = "faro-public";
    private static final String DASHBOARD = "faro-dashboard";

    /** The public surface, decided here on purpose: a new public path is a decision, so it changes this list. */
    static final List<PublicPath> EXPECTED = List.of(
            new PublicPath(PUBLIC, "/api/leads", "Exact", "lead-service", Access.ANONYMOUS),
            new PublicPath(PUBLIC, "/api/leads/confirm", "Exact", "lead-service", Access.ANONYMOUS),
            new PublicPath(PUBLIC, "/api/visits", "Exact", "lead-service", Access.ANONYMOUS),
            new PublicPath(PUBLIC, "/faro.js", "Exact", "lead-service", Access.STATIC_FILE),
            new PublicPath(PUBLIC, "/api/privacy/erasure-requests", "Exact", "lead-service", Access.ANONYMOUS),
            new PublicPath(PUBLIC, "/api/privacy/erase", "Exact", "lead-service", Access.ANONYMOUS),
            new PublicPath(PUBLIC, "/api/content", "Prefix", "incentive-service", Access.ANONYMOUS),
            new PublicPath(PUBLIC, "/api/unsubscribe", "Prefix", "email-service", Access.ANONYMOUS),
            new PublicPath(PUBLIC, "/api/email/open", "Prefix", "email-service", Access.ANONYMOUS),
            new PublicPath(PUBLIC, "/api/email/click", "Prefix", "email-service", Access.ANONYMOUS),
            new PublicPath(DASHBOARD, "/", "Exact", "analytics-service", Access.STATIC_FILE),
            new PublicPath(DASHBOARD, "/dashboard", "Prefix", "analytics-service", Access.STATIC_FILE),
            new PublicPath(DASHBOARD, "/api/campaigns", "Prefix", "analytics-service", Access.MARKETER_TOKEN));

    static Stream<String> overlays() {
        return Manifests.OVERLAYS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theIngressesPublishExactlyTheExpectedPaths(String overlay) {
        Set<String> published = new HashSet<>();
        for (JsonNode ingress : Manifests.of(overlay).ofKind("Ingress")) {
            for (JsonNode[] path : paths(ingress)) {
                published.add(route(
                        Manifests.name(ingress),
                        path[1].path("path").asText(),
                        path[1].path("pathType").asText(),
                        path[1].at("/backend/service/name").asText()));
            }
        }
        assertThat(published)
                .as(overlay + " published paths (Ingress path pathType -> service)")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.stream()
                        .map(e -> route(e.ingress(), e.path(), e.pathType(), e.service()))
                        .toList());
    }

    private static String route(String ingress, String path, String pathType, String service) {
        return ingress + " " + path + " " + pathType + " -> " + service;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyIngressBackendReachesTheServicesHttpPort(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            assertThat(ingress.at("/spec/ingressClassName").asText())
                    .as(Manifests.describe(ingress) + " class")
                    .isEqualTo("nginx");
            for (JsonNode[] rule : paths(ingress)) {
                JsonNode backend = rule[1].at("/backend/service");
                String where = overlay + " " + Manifests.describe(ingress) + " "
                        + rule[0].path("host").asText() + rule[1].path("path").asText();
                JsonNode service = manifests
                        .find("Service", backend.path("name").asText())
                        .orElseThrow(() -> new AssertionError(where + " names no Service in the render: " + backend));
                JsonNode port = findPort(service, backend.path("port"))
                        .orElseThrow(() -> new AssertionError(where + " names a port Service/" + Manifests.name(service)
                                + " lacks: " + backend.path("port")));
                JsonNode deployment = ServiceDeployments.deployment(manifests, Manifests.name(service));
                JsonNode target = port.path("targetPort");
                int containerPort = target.isInt()
                        ? target.asInt()
                        : ServiceDeployments.portNames(deployment).getOrDefault(target.asText(), -1);
                assertThat(containerPort)
                        .as(where + " reaches the container's HTTP port")
                        .isEqualTo(ServiceConfig.of(Manifests.name(service)).httpPort());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void anonymousPathsLeadOnlyToEndpointsThatNeedNoRole(String overlay) {
        for (PublicPath path : EXPECTED) {
            if (path.access() != Access.ANONYMOUS) {
                continue;
            }
            List<Endpoint> served = served(path);
            assertThat(served)
                    .as("%s: %s serves nothing at %s", overlay, path.service(), path.path())
                    .isNotEmpty();
            assertThat(served)
                    .as("%s: %s %s publishes endpoints that need a role", overlay, path.pathType(), path.path())
                    .allMatch(Endpoint::anonymous);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void staticPathsAreFilesTheServiceShips(String overlay) {
        for (PublicPath path : EXPECTED) {
            if (path.access() != Access.STATIC_FILE) {
                continue;
            }
            Path root = ServiceResources.staticRoot(path.service());
            Path file = path.path().equals("/")
                    ? root.resolve("index.html")
                    : root.resolve(path.path().substring(1));
            assertThat(Files.exists(file))
                    .as("%s: %s ships %s for %s", overlay, path.service(), file, path.path())
                    .isTrue();
            assertThat(ServiceResources.bestMatch(path.service(), path.path()))
                    .as("%s: no JAX-RS endpoint shadows the static %s", overlay, path.path())
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theDashboardsApiPathsAreMarketerEndpoints(String overlay) {
        for (PublicPath path : EXPECTED) {
            if (path.access() != Access.MARKETER_TOKEN) {
                continue;
            }
            List<Endpoint> served = ServiceResources.under(path.service(), path.path());
            assertThat(served)
                    .as("%s: %s serves nothing under %s", overlay, path.service(), path.path())
                    .isNotEmpty();
            assertThat(served)
                    .as(
                            "%s: %s under %s: every endpoint asks for the marketer role",
                            overlay, path.service(), path.path())
                    .allMatch(
                            e -> e.roles().stream().anyMatch(r -> r.endsWith("MARKETER") || r.equals("\"marketer\"")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void nothingUnderQuarkusOrAdminPathsIsPublished(String overlay) {
        for (JsonNode ingress : Manifests.of(overlay).ofKind("Ingress")) {
            for (JsonNode[] rule : paths(ingress)) {
                String path = rule[1].path("path").asText();
                String where = overlay + " " + Manifests.describe(ingress) + " " + path;
                assertThat(path)
                        .as(where)
                        .doesNotStartWith("/q/")
                        .isNotEqualTo("/q")
                        .doesNotStartWith("/api/admin");
                assertThat(path.equals("/")
                                && !"Exact".equals(rule[1].path("pathType").asText()))
                        .as(where + ": a Prefix / would publish every path of the service, /q and /api/admin included")
                        .isFalse();
                String service = rule[1].at("/backend/service/name").asText();
                List<Endpoint> reachable = "Exact"
                                .equals(rule[1].path("pathType").asText())
                        ? ServiceResources.bestMatch(service, path).stream().toList()
                        : ServiceResources.under(service, path);
                assertThat(reachable).as(where + " reaches an admin endpoint").noneMatch(e -> e.path()
                        .startsWith("/api/admin"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyHostIsServedOverTls(String overlay) {
        for (JsonNode ingress : Manifests.of(overlay).ofKind("Ingress")) {
            Set<String> secured = new HashSet<>();
            for (JsonNode tls : ingress.at("/spec/tls")) {
                assertThat(tls.path("secretName").asText())
                        .as(overlay + " " + Manifests.describe(ingress) + " TLS secret")
                        .isEqualTo("faro-tls");
                tls.path("hosts").forEach(h -> secured.add(h.asText()));
            }
            for (JsonNode rule : ingress.at("/spec/rules")) {
                assertThat(rule.path("host").asText())
                        .as(overlay + " " + Manifests.describe(ingress) + " host is named and in its TLS hosts")
                        .isNotBlank()
                        .isIn(secured);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theAddressEachServiceWritesIntoItsLinksIsAPublishedHostThatRoutesToIt(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<String> checked = new ArrayList<>();
        for (String service : ServiceConfig.SERVICES) {
            Optional<String> variable = publicUrlVariable(service);
            if (variable.isEmpty()) {
                continue;
            }
            JsonNode deployment = ServiceDeployments.deployment(manifests, service);
            var source = ServiceDeployments.environment(manifests, deployment).get(variable.get());
            assertThat(source)
                    .as("%s %s sets %s", overlay, Manifests.describe(deployment), variable.get())
                    .isNotNull();
            URI url = URI.create(ServiceDeployments.value(manifests, source));
            assertThat(url.getScheme())
                    .as("%s %s %s scheme", overlay, service, variable.get())
                    .isEqualTo("https");
            Set<String> routedHosts = manifests.ofKind("Ingress").stream()
                    .flatMap(i -> paths(i).stream())
                    .filter(p -> service.equals(p[1].at("/backend/service/name").asText()))
                    .map(p -> p[0].path("host").asText())
                    .collect(Collectors.toSet());
            assertThat(url.getHost())
                    .as("%s %s %s is a host whose rules route to it", overlay, service, variable.get())
                    .isIn(routedHosts);
            checked.add(service);
        }
        assertThat(checked).as(overlay + " services with a public address").isNotEmpty();
    }

    /** The variable a service's prod {@code faro.public-url} comes from, if it has one. */
    static Optional<String> publicUrlVariable(String service) {
        return ServiceConfig.of(service)
                .get("faro.public-url")
                .filter(v -> v.startsWith("${"))
                .map(v -> v.substring(2, v.length() - 1).split(":", 2)[0]);
    }

    private static List<Endpoint> served(PublicPath path) {
        if ("Exact".equals(path.pathType())) {
            return ServiceResources.bestMatch(path.service(), path.path()).stream()
                    .toList();
        }
        return ServiceResources.under(path.service(), path.path());
    }

    /** Every (rule, path) pair of an Ingress. */
    private static List<JsonNode[]> paths(JsonNode ingress) {
        List<JsonNode[]> paths = new ArrayList<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                paths.add(new JsonNode[] {rule, path});
            }
        }
        return paths;
    }

    private static Optional<JsonNode> findPort(JsonNode service, JsonNode port) {
        for (JsonNode candidate : service.at("/spec/ports")) {
            if (port.has("name")
                    && port.path("name").asText().equals(candidate.path("name").asText())) {
                return Optional.of(candidate);
            }
            if (port.has("number")
                    && port.path("number").asInt() == candidate.path("port").asInt()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
