package dev.faro.analytics.digest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.faro.analytics.abtest.SeededCampaign;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.problem.Problem;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class DigestSettingsApiTest {

    private static final Map<String, String> ANA =
            Map.of("email", "ana@marketing.example.org", "locale", "es", "timeZone", "Europe/Madrid");
    private static final Map<String, String> JOE =
            Map.of("email", "joe@marketing.example.com", "locale", "en", "timeZone", "America/New_York");

    @Test
    void aMarketerSetsTheDigestAndReadsItBack() {
        String campaign =
                SeededCampaign.publish(SeededCampaign.uniqueId(), Map.of()).id();

        put(Roles.MARKETER, campaign, Map.of("frequency", "daily", "subscribers", List.of(ANA, JOE)))
                .statusCode(200)
                .body("frequency", equalTo("daily"))
                .body("subscribers.email", contains("ana@marketing.example.org", "joe@marketing.example.com"));

        get(Roles.ADMIN, campaign)
                .statusCode(200)
                .contentType("application/json")
                .body("frequency", equalTo("daily"))
                .body("subscribers.email", contains("ana@marketing.example.org", "joe@marketing.example.com"))
                .body("subscribers.locale", contains("es", "en"))
                .body("subscribers.timeZone", contains("Europe/Madrid", "America/New_York"));

        put(Roles.ADMIN, campaign, Map.of("frequency", "weekly", "subscribers", List.of(JOE)))
                .statusCode(200);
        get(Roles.MARKETER, campaign)
                .statusCode(200)
                .body("frequency", equalTo("weekly"))
                .body("subscribers.email", contains("joe@marketing.example.com"));
    }

    @Test
    void aCampaignNobodySubscribedToHasAWeeklyDigestForNoOne() {
        String campaign =
                SeededCampaign.publish(SeededCampaign.uniqueId(), Map.of()).id();

        get(Roles.MARKETER, campaign)
                .statusCode(200)
                .body("frequency", equalTo("weekly"))
                .body("subscribers", empty());
    }

    @Test
    void everyInvalidFieldIsNamedInOneProblem() {
        String campaign =
                SeededCampaign.publish(SeededCampaign.uniqueId(), Map.of()).id();
        List<Map<String, String>> subscribers = List.of(
                Map.of("email", "not-an-address", "locale", "es", "timeZone", "Europe/Madrid"),
                Map.of("email", "ana@marketing.example.org", "locale", "fr", "timeZone", "Europe/Madrid"),
                Map.of("email", "luis@marketing.example.org", "locale", "es", "timeZone", "Mars/Olympus_Mons"),
                Map.of("email", "ANA@marketing.example.org", "locale", "en", "timeZone", "UTC"));

        put(Roles.MARKETER, campaign, Map.of("frequency", "hourly", "subscribers", subscribers))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "frequency",
                                "subscribers[0].email",
                                "subscribers[1].locale",
                                "subscribers[2].timeZone",
                                "subscribers[3].email"));
        // Nothing was stored.
        get(Roles.MARKETER, campaign).statusCode(200).body("subscribers", empty());
    }

    @Test
    void moreThanFiftySubscribersAreRefused() {
        String campaign =
                SeededCampaign.publish(SeededCampaign.uniqueId(), Map.of()).id();
        List<Map<String, String>> subscribers = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            subscribers.add(Map.of("email", "m" + i + "@marketing.example.org", "locale", "es", "timeZone", "UTC"));
        }

        put(Roles.MARKETER, campaign, Map.of("frequency", "weekly", "subscribers", subscribers))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("subscribers"));
        put(Roles.MARKETER, campaign, Map.of("frequency", "weekly", "subscribers", subscribers.subList(0, 50)))
                .statusCode(200);
    }

    @Test
    void missingFieldsAreNamed() {
        String campaign =
                SeededCampaign.publish(SeededCampaign.uniqueId(), Map.of()).id();

        put(Roles.MARKETER, campaign, Map.of())
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", containsInAnyOrder("frequency", "subscribers"));
    }

    @Test
    void aCampaignAnalyticsNeverHeardOfIsNotFoundAndABadSlugIsNamed() {
        get(Roles.MARKETER, SeededCampaign.uniqueId()).statusCode(404).contentType(Problem.MEDIA_TYPE);
        put(Roles.MARKETER, SeededCampaign.uniqueId(), Map.of("frequency", "weekly", "subscribers", List.of(ANA)))
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        get(Roles.MARKETER, "Not_A_Slug")
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("campaign"));
    }

    @Test
    void withoutATokenTheSettingsAreUnauthorized() {
        given().when()
                .get("/api/admin/campaigns/{campaign}/digest", "demo")
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json")
                .body(Map.of("frequency", "weekly", "subscribers", List.of(ANA)))
                .when()
                .put("/api/admin/campaigns/{campaign}/digest", "demo")
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void theShopRoleMayNeitherReadNorSetTheDigest() {
        get(Roles.SHOP, "demo").statusCode(403).contentType(Problem.MEDIA_TYPE);
        put(Roles.SHOP, "demo", Map.of("frequency", "weekly", "subscribers", List.of(ANA)))
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
    }

    private static ValidatableResponse get(String role, String campaign) {
        return given().header("Authorization", TestTokens.bearer(role))
                .when()
                .get("/api/admin/campaigns/{campaign}/digest", campaign)
                .then();
    }

    private static ValidatableResponse put(String role, String campaign, Map<String, ?> body) {
        return given().header("Authorization", TestTokens.bearer(role))
                .contentType("application/json")
                .body(body)
                .when()
                .put("/api/admin/campaigns/{campaign}/digest", campaign)
                .then();
    }
}
