package dev.faro.lead.privacy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns, captured leads and the events they cause, as the privacy tests need them. */
final class PrivacyFixtures {

    private PrivacyFixtures() {}

    /** A new campaign (single opt-in) speaking {@code locale}, created through the admin API; returns its id. */
    static String campaign(String locale) {
        return campaign(locale, false);
    }

    /** A new campaign speaking {@code locale}, with or without double opt-in; returns its id. */
    static String campaign(String locale, boolean doubleOptIn) {
        String id = "privacy-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Privacy " + id);
        body.put("locale", locale);
        body.put("timeZone", "Europe/Madrid");
        body.put("doubleOptIn", doubleOptIn);
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/campaigns")
                .then()
                .statusCode(201);
        return id;
    }

    static String uniqueEmail() {
        return "privacy-" + UUID.randomUUID() + "@example.org";
    }

    /** Submits a form with marketing consent; it must be accepted. Returns the lead id. */
    static UUID capture(String email, String campaign) {
        return capture(form(email, campaign, true), null);
    }

    static Map<String, Object> form(String email, String campaign, boolean marketing) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("campaign", campaign);
        form.put("consent", Map.of("marketing", marketing));
        return form;
    }

    /** Submits {@code form}, with an Idempotency-Key when one is given; it must be accepted. */
    static UUID capture(Map<String, Object> form, String idempotencyKey) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(form);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return UUID.fromString(
                request.post("/api/leads").then().statusCode(202).extract().path("leadId"));
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    static TestKafka kafka() {
        return new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    }

    /** The lead's events of one type on faro.leads, in order. */
    static List<EventEnvelope> events(UUID leadId, EventType type) {
        return kafka().events(Topics.LEADS.name(), leadId.toString()).stream()
                .filter(e -> e.eventType() == type)
                .toList();
    }

    /** Waits until the lead has {@code count} events of the type on faro.leads; returns their data. */
    static <T extends Record> List<T> awaitEvents(UUID leadId, EventType type, int count, Class<T> dataClass) {
        return await(count + " " + type + " of lead " + leadId)
                .atMost(Duration.ofSeconds(20))
                .until(() -> events(leadId, type), events -> events.size() == count)
                .stream()
                .map(event -> EventCodec.instance().data(event, dataClass))
                .toList();
    }

    static ValidatableResponse requestErasureLink(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .post("/api/privacy/erasure-requests")
                .then();
    }

    /** The page an erasure link opens. */
    static ValidatableResponse erasePage(String token) {
        return given().accept("text/html")
                .queryParam("token", token)
                .get("/api/privacy/erase")
                .then();
    }

    /** What the erase page's button posts. */
    static ValidatableResponse erase(String token) {
        return given().accept("text/html")
                .contentType(ContentType.URLENC)
                .formParam("token", token)
                .post("/api/privacy/erase")
                .then();
    }
}
