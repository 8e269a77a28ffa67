package dev.faro.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A service's OpenAPI document (from {@code /q/openapi?format=json}), with the checks every service shares. */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** The document a running service serves at {@code /q/openapi}, {@code root} being its base URL. */
    public static OpenApiDocument fetch(URI root) {
        return parse(new HttpJson(root).get("q/openapi?format=json"));
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI JSON document", e);
        }
    }

    /** One operation of the document: its method (upper case), its path template and what the document says of it. */
    public record Operation(String method, String path, JsonNode definition) {

        /** Whether the operation requires a security scheme (a bearer token). */
        public boolean secured() {
            return definition.path("security").size() > 0;
        }

        /** "METHOD path", as the other checks name operations. */
        public String name() {
            return method + " " + path;
        }

        /**
         * The path with each parameter filled by a value of its declared kind (a UUID, a number, a word of lowercase
         * letters), so that the request reaches the operation's security check rather than a 404 of the router.
         */
        public String concretePath() {
            String concrete = path;
            for (JsonNode parameter : definition.path("parameters")) {
                if ("path".equals(parameter.path("in").asText())) {
                    concrete = concrete.replace("{" + parameter.path("name").asText() + "}", sampleOf(parameter));
                }
            }
            return concrete;
        }

        /** The media type the operation's body is documented with, if it takes one. */
        public Optional<String> bodyMediaType() {
            Iterator<String> types =
                    definition.path("requestBody").path("content").fieldNames();
            return types.hasNext() ? Optional.of(types.next()) : Optional.empty();
        }

        private static String sampleOf(JsonNode parameter) {
            JsonNode schema = parameter.path("schema");
            if ("uuid".equals(schema.path("format").asText())) {
                return "00000000-0000-4000-8000-000000000000";
            }
            String type = schema.path("type").asText();
            return "integer".equals(type) || "number".equals(type) ? "1" : "probe";
        }
    }

    /** Every operation of the document, in its order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    /** "METHOD path" of every operation that anyone may call without a token. */
    public List<String> publicOperations() {
        return operations().stream()
                .filter(operation -> !operation.secured())
                .map(Operation::name)
                .toList();
    }

    /** "METHOD path" of every operation that requires a security scheme. */
    public List<String> securedOperations() {
        return operations().stream()
                .filter(Operation::secured)
                .map(Operation::name)
                .toList();
    }

    /**
     * Secured operations that do not document both a 401 and a 403 answer as problem+json: what a client of the API
     * must expect from every protected endpoint.
     */
    public List<String> securedOperationsWithoutAuthProblems() {
        List<String> missing = new ArrayList<>();
        for (Operation operation : operations()) {
            if (!operation.secured()) {
                continue;
            }
            for (String status : List.of("401", "403")) {
                if (operation
                        .definition()
                        .path("responses")
                        .path(status)
                        .path("content")
                        .path("application/problem+json")
                        .isMissingNode()) {
                    missing.add(operation.name() + " " + status);
                }
            }
        }
        return missing;
    }
}
