package dev.faro.lead.webhook;

import static io.restassured.RestAssured.given;

import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin API and the capture endpoint as the webhook tests use them. */
final class Webhooks {

    private Webhooks() {}

    static String webhooksOf(String campaign) {
        return "/api/admin/campaigns/" + campaign + "/webhooks";
    }

    static RequestSpecification marketer() {
        return given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON);
    }

    /** Creates a webhook that must be accepted; the answer carries its id and secret. */
    static JsonPath create(String campaign, String url, String... events) {
        return marketer()
                .body(Map.of("url", url, "events", List.of(events)))
                .post(webhooksOf(campaign))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** The webhook's delivery log, newest first. */
    static JsonPath deliveries(String campaign, String webhookId) {
        return marketer()
                .get(webhooksOf(campaign) + "/" + webhookId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Captures a new lead through the public endpoint; returns its id. */
    static String capture(String campaign, Map<String, Object> details) {
        Map<String, Object> form = new LinkedHashMap<>(details);
        form.put("email", "lead-" + UUID.randomUUID() + "@example.org");
        form.put("campaign", campaign);
        form.put("consent", Map.of("marketing", true));
        return given().contentType(ContentType.JSON)
                .body(form)
                .post("/api/leads")
                .then()
                .statusCode(202)
                .extract()
                .path("leadId");
    }
}
