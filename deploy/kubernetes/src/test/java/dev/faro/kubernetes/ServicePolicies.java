package dev.faro.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads NetworkPolicies the way the cluster applies them, enough for Faro's tests: label selectors, and whether the
 * policies of an overlay allow a connection between two pods (same namespace), from a namespace, or to an address
 * outside the cluster.
 */
final class ServicePolicies {

    /** The far end of a connection: pods with these labels, pods of a namespace, or an address outside. */
    record Peer(Map<String, String> podLabels, String namespace, String address) {

        static Peer pods(Map<String, String> labels) {
            return new Peer(labels, null, null);
        }

        static Peer namespace(String name) {
            return new Peer(null, name, null);
        }

        /** An IPv4 address outside the cluster. */
        static Peer internet(String address) {
            return new Peer(null, null, address);
        }

        @Override
        public String toString() {
            return podLabels != null ? "pods " + podLabels : namespace != null ? "namespace " + namespace : address;
        }
    }

    private final Manifests manifests;

    ServicePolicies(Manifests manifests) {
        this.manifests = manifests;
    }

    /** Whether a label selector (matchLabels and matchExpressions) selects these labels. Empty selects all. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return true;
        }
        var fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok =
                    switch (expression.path("operator").asText()) {
                        case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                        case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                        case "Exists" -> labels.containsKey(key);
                        case "DoesNotExist" -> !labels.containsKey(key);
                        default -> throw new AssertionError("unknown selector operator in " + selector);
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> labels(JsonNode metadata) {
        Map<String, String> labels = new HashMap<>();
        metadata.path("labels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** The policies that isolate pods with these labels in one direction ("Ingress" or "Egress"). */
    List<JsonNode> isolating(Map<String, String> podLabels, String direction) {
        return manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> selects(p.path("spec").path("podSelector"), podLabels))
                .filter(p -> types(p).contains(direction))
                .toList();
    }

    /** Whether pods with these labels may open a connection to the peer's port (a number or the peer's port name). */
    boolean allowsEgress(Map<String, String> from, Peer to, int port, Map<String, Integer> peerPortNames) {
        return isolating(from, "Egress").stream()
                .flatMap(p -> stream(p.path("spec").path("egress")))
                .anyMatch(rule ->
                        peerMatches(rule.path("to"), to) && portMatches(rule.path("ports"), port, peerPortNames));
    }

    /** Whether pods with these labels accept a connection from the peer on their port. */
    boolean allowsIngress(Map<String, String> to, Peer from, int port, Map<String, Integer> ownPortNames) {
        return isolating(to, "Ingress").stream()
                .flatMap(p -> stream(p.path("spec").path("ingress")))
                .anyMatch(rule ->
                        peerMatches(rule.path("from"), from) && portMatches(rule.path("ports"), port, ownPortNames));
    }

    static List<String> types(JsonNode policy) {
        List<String> types = new ArrayList<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        if (types.isEmpty()) {
            types.add("Ingress");
            if (!policy.path("spec").path("egress").isMissingNode()) {
                types.add("Egress");
            }
        }
        return types;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static boolean peerMatches(JsonNode peers, Peer peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode candidate : peers) {
            JsonNode pods = candidate.path("podSelector");
            JsonNode namespaces = candidate.path("namespaceSelector");
            JsonNode block = candidate.path("ipBlock");
            if (peer.podLabels() != null
                    && namespaces.isMissingNode()
                    && !pods.isMissingNode()
                    && selects(pods, peer.podLabels())) {
                return true;
            }
            if (peer.namespace() != null
                    && !namespaces.isMissingNode()
                    && pods.isMissingNode()
                    && selects(namespaces, Map.of("kubernetes.io/metadata.name", peer.namespace()))) {
                return true;
            }
            if (peer.address() != null && !block.isMissingNode() && contains(block, peer.address())) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, int port, Map<String, Integer> names) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            JsonNode value = p.path("port");
            if (value.isMissingNode()) {
                return true;
            }
            int number = value.isInt() ? value.asInt() : names.getOrDefault(value.asText(), -1);
            int end = p.path("endPort").asInt(number);
            if (port >= number && port <= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode block, String address) {
        String cidr = block.path("cidr").asText();
        if (!cidr.contains(".") || !inRange(cidr, address)) {
            return false;
        }
        for (JsonNode except : block.path("except")) {
            if (except.asText().contains(".") && inRange(except.asText(), address)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inRange(String cidr, String address) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(parts[0]) & mask) == (ipv4(address) & mask);
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }
}
