package dev.faro.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A service's OpenAPI document (from {@code /q/openapi?format=json}), with the checks every service shares. */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI JSON document", e);
        }
    }

    /** "METHOD path" of every operation that requires a security scheme. */
    public List<String> securedOperations() {
        List<String> secured = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (operation.path("security").size() > 0) {
                secured.add(name);
            }
        });
        return secured;
    }

    /**
     * Secured operations that do not document both a 401 and a 403 answer as problem+json: what a client of the API
     * must expect from every protected endpoint.
     */
    public List<String> securedOperationsWithoutAuthProblems() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (operation.path("security").size() == 0) {
                return;
            }
            for (String status : List.of("401", "403")) {
                if (operation
                        .path("responses")
                        .path(status)
                        .path("content")
                        .path("application/problem+json")
                        .isMissingNode()) {
                    missing.add(name + " " + status);
                }
            }
        });
        return missing;
    }

    private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (METHODS.contains(operation.getKey())) {
                    action.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            }
        }
    }
}
