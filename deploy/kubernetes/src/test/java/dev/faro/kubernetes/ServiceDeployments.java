package dev.faro.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service's Deployment in a rendered overlay, and what its pods get: labels, ports, environment. */
final class ServiceDeployments {

    /** Where an environment variable's value comes from: a literal, a ConfigMap key or a Secret key. */
    record EnvSource(String variable, String literal, String configMap, String secret, String key) {

        @Override
        public String toString() {
            return variable
                    + (literal != null
                            ? "=" + literal
                            : configMap != null
                                    ? " from ConfigMap " + configMap + (key == null ? "" : "/" + key)
                                    : " from Secret " + secret + "/" + key);
        }
    }

    private ServiceDeployments() {}

    static JsonNode deployment(Manifests manifests, String service) {
        return manifests.get("Deployment", service);
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    static Map<String, String> podLabels(JsonNode deployment) {
        return ServicePolicies.labels(deployment.path("spec").path("template").path("metadata"));
    }

    /** Containers and init containers. */
    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> containers = new ArrayList<>();
        podSpec(deployment).path("containers").forEach(containers::add);
        podSpec(deployment).path("initContainers").forEach(containers::add);
        return containers;
    }

    /** The service's own container: the one named like the Deployment. */
    static JsonNode mainContainer(JsonNode deployment) {
        String name = Manifests.name(deployment);
        return containers(deployment).stream()
                .filter(c -> name.equals(c.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Deployment/" + name + " has no container named " + name));
    }

    static Map<String, Integer> portNames(JsonNode deployment) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode container : containers(deployment)) {
            container
                    .path("ports")
                    .forEach(p -> ports.put(
                            p.path("name").asText(), p.path("containerPort").asInt()));
        }
        return ports;
    }

    static int httpPort(JsonNode deployment) {
        Integer port = portNames(deployment).get("http");
        if (port == null) {
            throw new AssertionError(Manifests.describe(deployment) + " declares no container port named http");
        }
        return port;
    }

    /** Every variable the service's container gets, envFrom ConfigMaps expanded (env wins, as in Kubernetes). */
    static Map<String, EnvSource> environment(Manifests manifests, JsonNode deployment) {
        JsonNode container = mainContainer(deployment);
        Map<String, EnvSource> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String configMap = from.path("configMapRef").path("name").asText(null);
            String secret = from.path("secretRef").path("name").asText(null);
            if (configMap != null) {
                JsonNode data = manifests.get("ConfigMap", configMap).path("data");
                data.fieldNames().forEachRemaining(k -> env.put(k, new EnvSource(k, null, configMap, null, k)));
            }
            if (secret != null) {
                throw new AssertionError(Manifests.describe(deployment) + " takes a whole Secret (" + secret
                        + ") as environment: name each variable instead");
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            if (from.isMissingNode()) {
                env.put(name, new EnvSource(name, variable.path("value").asText(), null, null, null));
            } else if (from.has("configMapKeyRef")) {
                JsonNode ref = from.path("configMapKeyRef");
                env.put(
                        name,
                        new EnvSource(
                                name,
                                null,
                                ref.path("name").asText(),
                                null,
                                ref.path("key").asText()));
            } else if (from.has("secretKeyRef")) {
                JsonNode ref = from.path("secretKeyRef");
                env.put(
                        name,
                        new EnvSource(
                                name,
                                null,
                                null,
                                ref.path("name").asText(),
                                ref.path("key").asText()));
            } else {
                env.put(name, new EnvSource(name, "(field or resource reference)", null, null, null));
            }
        }
        return env;
    }

    /** The literal value of a variable, reading it from its ConfigMap when it comes from one. */
    static String value(Manifests manifests, EnvSource source) {
        if (source.literal() != null) {
            return source.literal();
        }
        if (source.configMap() != null) {
            return manifests
                    .get("ConfigMap", source.configMap())
                    .path("data")
                    .path(source.key())
                    .asText();
        }
        throw new AssertionError(source + " is a secret: the manifests do not hold its value");
    }
}
