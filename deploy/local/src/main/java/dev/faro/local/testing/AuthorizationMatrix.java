package dev.faro.local.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Calls every operation of a service's OpenAPI document that requires a token, as an intruder would: without a token,
 * with an expired one, with one whose payload was altered after signing, and with a valid one that holds no role the
 * service knows. Each call must be refused with problem+json (401, 401, 401, 403) before the operation runs. The
 * document is the list of endpoints, so an endpoint added later is checked without anyone writing a test for it; an
 * endpoint that forgot its roles shows up among the service's public operations instead, which its test pins.
 */
public final class AuthorizationMatrix {

    /** A role no Faro service grants anything to. */
    static final String UNKNOWN_ROLE = "visitor";

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI baseUrl;

    private AuthorizationMatrix(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Every refusal that did not happen, as "METHOD path with credential: status (expected ...)"; empty when none. */
    public static List<String> violations(OpenApiDocument document, URI baseUrl) {
        AuthorizationMatrix matrix = new AuthorizationMatrix(baseUrl);
        List<String> violations = new ArrayList<>();
        String expired = TestTokens.expiredToken("admin");
        String altered = withAlteredPayload(TestTokens.token(UNKNOWN_ROLE));
        String unknownRole = TestTokens.token(UNKNOWN_ROLE);
        for (OpenApiDocument.Operation operation : document.operations()) {
            if (!operation.secured()) {
                continue;
            }
            matrix.expect(operation, "no token", null, 401, violations);
            matrix.expect(operation, "an expired admin token", expired, 401, violations);
            matrix.expect(operation, "a token altered after signing", altered, 401, violations);
            matrix.expect(operation, "a valid token without a known role", unknownRole, 403, violations);
        }
        return violations;
    }

    /**
     * The token with its payload's {@code groups} claim rewritten to {@code admin}, and the signature kept: what
     * someone who edits a token they were given would send.
     */
    static String withAlteredPayload(String token) {
        String[] parts = token.split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8);
        String escalated = payload.replace("\"" + UNKNOWN_ROLE + "\"", "\"admin\"");
        if (escalated.equals(payload)) {
            throw new IllegalArgumentException("the token's payload has no group " + UNKNOWN_ROLE + ": " + payload);
        }
        String encoded =
                Base64.getUrlEncoder().withoutPadding().encodeToString(escalated.getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + encoded + "." + parts[2];
    }

    private void expect(
            OpenApiDocument.Operation operation,
            String credential,
            String token,
            int expected,
            List<String> violations) {
        HttpResponse<String> response = send(operation, token);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != expected) {
            violations.add(operation.name() + " with " + credential + ": " + response.statusCode() + " (expected "
                    + expected + ")");
        } else if (!type.startsWith("application/problem+json")) {
            violations.add(operation.name() + " with " + credential + ": " + expected + " as " + type
                    + " (expected application/problem+json)");
        }
    }

    private HttpResponse<String> send(OpenApiDocument.Operation operation, String token) {
        // The JDK client speaks HTTP/2 after its first request (h2c), where a request without a body has no
        // Content-Length at all: the shape that once turned a refusal into a 500.
        HttpRequest.BodyPublisher body = operation
                .bodyMediaType()
                .map(type -> HttpRequest.BodyPublishers.ofString("{}"))
                .orElse(HttpRequest.BodyPublishers.noBody());
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        baseUrl.resolve(operation.concretePath().substring(1)))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "*/*")
                .method(operation.method(), body);
        operation.bodyMediaType().ifPresent(type -> request.header("Content-Type", type));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(operation.name() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
