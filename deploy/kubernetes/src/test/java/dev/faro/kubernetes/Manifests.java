package dev.faro.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The objects an overlay renders to, parsed, with lookups by kind and name. Rendered once per overlay per JVM. */
final class Manifests {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final String overlay;
    private final List<JsonNode> objects;

    private Manifests(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = List.copyOf(objects);
    }

    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> parse(name, Kustomize.build(Repository.overlay(name))));
    }

    static Manifests parse(String overlay, String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("overlay " + overlay + " does not render to valid YAML", e);
        }
        return new Manifests(overlay, objects);
    }

    String overlay() {
        return overlay;
    }

    List<JsonNode> all() {
        return objects;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    /** The one object of this kind and name; fails naming both when there is none. */
    JsonNode get(String kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " named " + name));
    }

    java.util.Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    static JsonNode at(JsonNode node, String pointer) {
        JsonNode found = node.at(pointer);
        return found == null ? MissingNode.getInstance() : found;
    }
}
