package dev.faro.lead.webhook;

import static dev.faro.lead.webhook.Webhooks.create;
import static dev.faro.lead.webhook.Webhooks.marketer;
import static dev.faro.lead.webhook.Webhooks.webhooksOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.faro.lead.leads.TestLeads;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class WebhookAdminTest {

    private static final String SECRET = "^whsec_[A-Za-z0-9_-]{43}$";

    @Inject
    TestLeads leads;

    @Test
    void createdWebhookAnswers201WithItsSecretWhichIsNeverShownAgain() {
        String campaign = leads.campaign();

        String location = marketer()
                .body(Map.of(
                        "url",
                        "https://crm.example.org/hooks/faro",
                        "events",
                        List.of("lead.confirmed", "lead.captured")))
                .post(webhooksOf(campaign))
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*" + webhooksOf(campaign) + "/[0-9a-f-]{36}$"))
                .body("campaign", equalTo(campaign))
                .body("url", equalTo("https://crm.example.org/hooks/faro"))
                .body("events", contains("lead.captured", "lead.confirmed"))
                .body("secret", matchesPattern(SECRET))
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        marketer()
                .get(location)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("events", contains("lead.captured", "lead.confirmed"))
                .body("createdAt", notNullValue())
                .body("$", not(hasKey("secret")));
        marketer()
                .get(webhooksOf(campaign))
                .then()
                .statusCode(200)
                .body("id", contains(id))
                .body("[0]", not(hasKey("secret")));
    }

    @Test
    void everyWebhookGetsASecretOfItsOwn() {
        String campaign = leads.campaign();

        String first =
                create(campaign, "https://crm.example.org/a", "lead.captured").getString("secret");
        String second =
                create(campaign, "https://crm.example.org/b", "lead.captured").getString("secret");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void missingUrlAndEventsAreRefusedNamingBoth() {
        assertRefused(Map.of(), "url", "events");
        assertRefused(Map.of("url", "https://crm.example.org/hook", "events", List.of()), "events");
    }

    @Test
    void unknownAndRepeatedEventsAreRefusedAtTheirIndex() {
        assertRefused(
                Map.of(
                        "url",
                        "https://crm.example.org/hook",
                        "events",
                        List.of("lead.captured", "lead.deleted", "lead.captured")),
                "events[1]",
                "events[2]");
    }

    @Test
    void targetsOtherThanHttpsUrlsOfPublicHostsAreRefused() {
        for (String url : List.of(
                "http://crm.example.org/hook",
                "ftp://crm.example.org/hook",
                "crm.example.org/hook",
                "https://user:password@crm.example.org/hook",
                "https://crm.example.org/hook#part",
                "https://10.1.2.3/hook",
                "https://192.168.0.10/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[fd00::1]/hook",
                "https://crm.example.org/" + "a".repeat(2048))) {
            assertRefused(Map.of("url", url, "events", List.of("lead.captured")), "url");
        }
    }

    @Test
    void loopbackTargetsAreAcceptedWhereLoopbackIsAllowedAsInTests() {
        String campaign = leads.campaign();

        create(campaign, "http://127.0.0.1:9/hook", "lead.captured");
        create(campaign, "http://localhost:9/hook", "lead.captured");
    }

    @Test
    void propertiesFaroDecidesAreRefused() {
        assertRefused(
                Map.of("url", "https://crm.example.org/hook", "events", List.of("lead.captured"), "secret", "mine"),
                "secret");
    }

    @Test
    void unknownCampaignOrWebhookAnswers404() {
        String campaign = leads.campaign();
        String other = leads.campaign();
        String id = create(campaign, "https://crm.example.org/hook", "lead.captured")
                .getString("id");

        marketer()
                .body(Map.of("url", "https://crm.example.org/hook", "events", List.of("lead.captured")))
                .post(webhooksOf("no-such-campaign"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        marketer().get(webhooksOf("no-such-campaign")).then().statusCode(404);
        for (String path : List.of(
                webhooksOf(campaign) + "/" + UUID.randomUUID(),
                webhooksOf(campaign) + "/not-a-webhook",
                webhooksOf(other) + "/" + id,
                webhooksOf(campaign) + "/" + UUID.randomUUID() + "/deliveries")) {
            marketer().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        marketer().delete(webhooksOf(other) + "/" + id).then().statusCode(404);
    }

    @Test
    void deletedWebhookIsGone() {
        String campaign = leads.campaign();
        String kept = create(campaign, "https://crm.example.org/kept", "lead.captured")
                .getString("id");
        String deleted = create(campaign, "https://crm.example.org/deleted", "lead.captured")
                .getString("id");

        marketer().delete(webhooksOf(campaign) + "/" + deleted).then().statusCode(204);

        marketer().get(webhooksOf(campaign) + "/" + deleted).then().statusCode(404);
        marketer().get(webhooksOf(campaign)).then().body("id", contains(kept));
        marketer().delete(webhooksOf(campaign) + "/" + deleted).then().statusCode(404);
    }

    @Test
    void deliveryLogOfANewWebhookIsEmptyAndItsLimitIsChecked() {
        String campaign = leads.campaign();
        String id = create(campaign, "https://crm.example.org/hook", "lead.captured")
                .getString("id");

        marketer()
                .get(webhooksOf(campaign) + "/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("$", empty());
        marketer()
                .queryParam("limit", 0)
                .get(webhooksOf(campaign) + "/" + id + "/deliveries")
                .then()
                .statusCode(400)
                .body("errors.field", contains("limit"));
    }

    @Test
    void aRequestWithoutBodyIsRefused() {
        marketer()
                .post(webhooksOf(leads.campaign()))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
    }

    private void assertRefused(Map<String, ?> body, String... fields) {
        JsonPath problem = marketer()
                .body(body)
                .post(webhooksOf(leads.campaign()))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder((Object[]) fields))
                .extract()
                .jsonPath();
        assertThat(problem.getString("detail")).doesNotContain("Exception");
    }
}
