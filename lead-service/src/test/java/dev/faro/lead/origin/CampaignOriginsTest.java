package dev.faro.lead.origin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.faro.lead.capture.LeadRows;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Browsers may post to a campaign only from the origins the campaign lists (or from lead-service itself). */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class CampaignOriginsTest {

    private static final String SHOP = "https://tienda.example";
    private static final String STRANGER = "https://otro-sitio.example";

    @Inject
    AllowedOrigins allowedOrigins;

    @Inject
    LeadRows rows;

    private String campaign;

    @BeforeEach
    void campaignThatAllowsTheShop() {
        campaign = "origenes-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", campaign);
        body.put("name", "Origenes");
        body.put("locale", "es");
        body.put("timeZone", "Europe/Madrid");
        body.put("doubleOptIn", false);
        body.put("allowedOrigins", List.of(SHOP));
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/campaigns")
                .then()
                .statusCode(201);
        await("the origin cache reloads")
                .atMost(Duration.ofSeconds(15))
                .until(() -> allowedOrigins.allows(campaign, SHOP));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithWhatTheFormSends() {
        preflight("/api/leads", SHOP)
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Vary", containsString("Origin"));
        preflight("/api/visits", SHOP).then().statusCode(204).header("Access-Control-Allow-Origin", SHOP);
    }

    @Test
    void aPreflightFromAnOriginNoCampaignAllowsIsRefused() {
        preflight("/api/leads", STRANGER)
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .contentType("application/problem+json");
    }

    @Test
    void aLeadFromAnAllowedOriginIsAcceptedAndItsAnswerReadable() {
        lead(campaign, SHOP).then().statusCode(202).header("Access-Control-Allow-Origin", SHOP);
    }

    @Test
    void aLeadFromAnOriginTheCampaignDoesNotListIsRefusedAndNotStored() {
        String email = "origen-" + UUID.randomUUID() + "@example.org";

        post("/api/leads", STRANGER, form(campaign, email))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("origin-not-allowed"))
                .body("errors.field", hasItem("Origin"))
                .header("Access-Control-Allow-Origin", nullValue());
        // The shop may post to its own campaign, not to another one that doesn't list it.
        lead("demo", SHOP).then().statusCode(403);
        assertThat(rows.countLeads(email)).isZero();
    }

    @Test
    void serversAndTheServicesOwnPagesNeedNoListedOrigin() {
        given().contentType(ContentType.JSON)
                .body(form("demo", "sin-origen-" + UUID.randomUUID() + "@example.org"))
                .post("/api/leads")
                .then()
                .statusCode(202);
        lead("demo", "http://localhost:" + RestAssured.port).then().statusCode(202);
    }

    @Test
    void fieldErrorsReachAnAllowedPage() {
        Map<String, Object> form = form(campaign, "no-es-correo");

        post("/api/leads", SHOP, form)
                .then()
                .statusCode(400)
                .header("Access-Control-Allow-Origin", SHOP)
                .body("errors.field", hasItem("email"));
    }

    @Test
    void visitsFollowTheSameRule() {
        Map<String, Object> visit = Map.of("visitorId", "v-origen", "campaign", campaign, "landingPage", "inicio");

        post("/api/visits", SHOP, visit).then().statusCode(202).header("Access-Control-Allow-Origin", SHOP);
        post("/api/visits", STRANGER, visit).then().statusCode(403).body("status", equalTo(403));
    }

    private Response lead(String campaignId, String origin) {
        return post("/api/leads", origin, form(campaignId, "origen-" + UUID.randomUUID() + "@example.org"));
    }

    private static Response post(String path, String origin, Object body) {
        return given().header("Origin", origin)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path);
    }

    private static Response preflight(String path, String origin) {
        return given().header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options(path);
    }

    private static Map<String, Object> form(String campaignId, String email) {
        return Map.of("email", email, "campaign", campaignId, "consent", Map.of("marketing", true));
    }
}
