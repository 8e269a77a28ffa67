package dev.faro.incentive.reconciliation;

import static io.restassured.RestAssured.given;

import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reconciliation endpoint as lead-service calls it. */
final class LedgerApi {

    static final String PATH = "/api/admin/reconciliation/leads";

    private LedgerApi() {}

    static ValidatableResponse ledger(UUID... leadIds) {
        return ask(Arrays.stream(leadIds).map(UUID::toString).toList());
    }

    static ValidatableResponse ask(List<String> leadIds) {
        return given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("leadIds", leadIds))
                .post(PATH)
                .then();
    }
}
