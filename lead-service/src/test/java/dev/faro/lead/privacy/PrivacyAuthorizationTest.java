package dev.faro.lead.privacy;

import static dev.faro.lead.privacy.PrivacyFixtures.as;
import static dev.faro.lead.privacy.PrivacyFixtures.campaign;
import static dev.faro.lead.privacy.PrivacyFixtures.capture;
import static dev.faro.lead.privacy.PrivacyFixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every admin privacy endpoint needs the admin role: a marketer runs campaigns, not erasures or exports. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class PrivacyAuthorizationTest {

    @Inject
    PrivacyRows rows;

    @Test
    void everyAdminEndpointAnswers401WithoutAValidToken() {
        UUID leadId = capture(uniqueEmail(), campaign("es"));

        forEveryEndpoint(leadId, request -> request, 401);
        forEveryEndpoint(
                leadId,
                request -> request.header("Authorization", "Bearer " + TestTokens.expiredToken(Roles.ADMIN)),
                401);

        assertThat(rows.leads(leadId)).isOne();
    }

    @Test
    void everyAdminEndpointAnswers403ToAMarketer() {
        String email = uniqueEmail();
        UUID leadId = capture(email, campaign("es"));

        forEveryEndpoint(leadId, request -> request.header("Authorization", TestTokens.bearer(Roles.MARKETER)), 403);

        assertThat(rows.leads(leadId)).isOne();
        assertThat(rows.suppressed(email)).isFalse();
    }

    @Test
    void anAdminPassesEveryEndpoint() {
        String email = uniqueEmail();
        UUID leadId = capture(email, campaign("es"));

        as(Roles.ADMIN).get("/api/leads/{id}/export", leadId).then().statusCode(200);
        as(Roles.ADMIN).delete("/api/leads/{id}", leadId).then().statusCode(204);
        as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .post("/api/admin/erasures")
                .then()
                .statusCode(200);
    }

    private static void forEveryEndpoint(
            UUID leadId, Function<RequestSpecification, RequestSpecification> auth, int status) {
        Map<String, Function<RequestSpecification, Response>> endpoints = Map.of(
                "GET /api/leads/{id}/export", request -> request.get("/api/leads/{id}/export", leadId),
                "DELETE /api/leads/{id}", request -> request.delete("/api/leads/{id}", leadId),
                "POST /api/admin/erasures",
                        request -> request.contentType(ContentType.JSON)
                                .body(Map.of("email", "someone@example.org"))
                                .post("/api/admin/erasures"));
        endpoints.forEach((name, call) -> {
            Response response = call.apply(auth.apply(given()));
            assertThat(response.statusCode()).as(name).isEqualTo(status);
            assertThat(response.contentType()).as(name).startsWith("application/problem+json");
            if (status == 401) {
                assertThat(response.header("WWW-Authenticate")).as(name).isEqualTo("Bearer");
            }
        });
    }
}
