package dev.faro.local.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private static final String DOCUMENT =
            """
            {"paths": {
              "/api/campaigns/{id}/leads/{leadId}": {
                "parameters": [],
                "get": {
                  "parameters": [
                    {"name": "id", "in": "path", "schema": {"type": "string", "pattern": "^[a-z0-9-]+$"}},
                    {"name": "leadId", "in": "path", "schema": {"type": "string", "format": "uuid"}},
                    {"name": "page", "in": "query", "schema": {"type": "integer"}}
                  ],
                  "security": [{"SecurityScheme": ["admin"]}]
                }
              },
              "/api/leads": {
                "post": {"requestBody": {"content": {"application/json": {}}}}
              },
              "/api/offers/{n}": {
                "put": {
                  "parameters": [{"name": "n", "in": "path", "schema": {"type": "integer"}}],
                  "requestBody": {"content": {"text/csv": {}}},
                  "security": [{"SecurityScheme": ["admin"]}]
                }
              }
            }}
            """;

    @Test
    void operationsAreListedWithTheirPathsFilledByValuesOfTheDeclaredKinds() {
        OpenApiDocument document = OpenApiDocument.parse(DOCUMENT);

        assertThat(document.operations())
                .extracting(OpenApiDocument.Operation::name)
                .containsExactly("GET /api/campaigns/{id}/leads/{leadId}", "POST /api/leads", "PUT /api/offers/{n}");
        assertThat(document.operations())
                .extracting(OpenApiDocument.Operation::concretePath)
                .containsExactly(
                        "/api/campaigns/probe/leads/00000000-0000-4000-8000-000000000000",
                        "/api/leads",
                        "/api/offers/1");
        assertThat(document.operations())
                .extracting(operation -> operation.bodyMediaType().orElse("none"))
                .containsExactly("none", "application/json", "text/csv");
    }

    @Test
    void publicOperationsAreThoseWithoutASecurityRequirement() {
        OpenApiDocument document = OpenApiDocument.parse(DOCUMENT);

        assertThat(document.publicOperations()).containsExactly("POST /api/leads");
        assertThat(document.securedOperations())
                .containsExactly("GET /api/campaigns/{id}/leads/{leadId}", "PUT /api/offers/{n}");
    }

    @Test
    void anAlteredTokenClaimsAdminWithTheOriginalSignature() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String payload = "{\"sub\":\"someone\",\"groups\":[\"" + AuthorizationMatrix.UNKNOWN_ROLE + "\"]}";
        String token = encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";

        String[] altered = AuthorizationMatrix.withAlteredPayload(token).split("\\.");

        assertThat(new String(Base64.getUrlDecoder().decode(altered[1]), StandardCharsets.UTF_8))
                .isEqualTo("{\"sub\":\"someone\",\"groups\":[\"admin\"]}");
        assertThat(altered[2]).isEqualTo("c2lnbmF0dXJl");
        assertThatThrownBy(() -> AuthorizationMatrix.withAlteredPayload(
                        "e30." + encoder.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + ".x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
