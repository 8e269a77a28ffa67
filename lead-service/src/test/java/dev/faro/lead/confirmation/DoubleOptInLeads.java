package dev.faro.lead.confirmation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestPrivacy;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Double opt-in campaigns made through the admin API, forms posted to them, and what they publish. */
final class DoubleOptInLeads {

    private DoubleOptInLeads() {}

    /** A new campaign that requires double opt-in, answering in {@code locale}; returns its id. */
    static String campaign(String locale) {
        String id = "doi-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Double opt-in " + id);
        body.put("locale", locale);
        body.put("timeZone", "Europe/Madrid");
        body.put("doubleOptIn", true);
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/campaigns")
                .then()
                .statusCode(201);
        return id;
    }

    static String uniqueEmail() {
        return "doi-" + UUID.randomUUID() + "@example.org";
    }

    /** Posts the smallest form for the address and campaign; it must be accepted. Returns the lead id. */
    static String submit(String email, String campaign) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", email);
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

    /** The lead's events of one type on faro.leads, in order. */
    static List<EventEnvelope> events(TestKafka kafka, String leadId, EventType type) {
        return kafka.events(Topics.LEADS.name(), leadId).stream()
                .filter(e -> e.eventType() == type)
                .toList();
    }

    /** Waits until the lead has exactly {@code count} events of the type on faro.leads; returns them. */
    static List<EventEnvelope> awaitEvents(TestKafka kafka, String leadId, EventType type, int count) {
        return await(count + " " + type + " of lead " + leadId)
                .atMost(Duration.ofSeconds(20))
                .until(() -> events(kafka, leadId, type), events -> events.size() == count);
    }

    static ConfirmationRequested requested(EventEnvelope event) {
        return EventCodec.instance().data(event, ConfirmationRequested.class);
    }

    /** The link of the lead's first confirmation request, opened with its key as email-service opens it. */
    static URI firstLink(TestKafka kafka, String leadId) {
        ConfirmationRequested request = requested(
                awaitEvents(kafka, leadId, EventType.CONFIRMATION_REQUESTED, 1).get(0));
        return URI.create(TestPrivacy.open(kafka, request.leadId(), request.link(), ConfirmationLink.class)
                .url());
    }

    /** The token in a confirmation link's query string. */
    static String token(URI link) {
        String query = link.getRawQuery();
        assertThat(query).startsWith("token=");
        return query.substring("token=".length());
    }
}
