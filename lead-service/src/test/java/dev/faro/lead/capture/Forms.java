package dev.faro.lead.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.Topics;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.PersonalData;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestPrivacy;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a landing page posts, built as JSON objects so any value (a NUL, say) is escaped as a browser would. */
final class Forms {

    private Forms() {}

    /** The smallest valid form for a new address: email, the demo campaign and marketing consent. */
    static Map<String, Object> minimal() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", LeadCaptureTest.uniqueEmail());
        form.put("campaign", "demo");
        form.put("consent", new LinkedHashMap<>(Map.of("marketing", true)));
        return form;
    }

    /** A form with every field filled in. */
    static Map<String, Object> complete() {
        Map<String, Object> form = minimal();
        form.put("name", "Lucía García");
        form.put("phone", "+34612345678");
        form.put("company", "Acme S.L.");
        form.put("locale", "en");
        form.put("timeZone", "America/Mexico_City");
        form.put("landingPage", "redes-sociales");
        form.put("variant", "b");
        form.put("visitorId", "v-7f3e9a");
        form.put("referrer", "https://news.example.org/articulo?id=7");
        consent(form).put("textVersion", "sha256:" + "ab12".repeat(16));
        Map<String, Object> utm = new LinkedHashMap<>();
        utm.put("source", "newsletter");
        utm.put("medium", "email");
        utm.put("campaign", "otono");
        utm.put("term", "redes");
        utm.put("content", "boton-rojo");
        form.put("utm", utm);
        return form;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> consent(Map<String, Object> form) {
        return (Map<String, Object>) form.get("consent");
    }

    /**
     * Sets a value at a dotted path ({@code utm.source}), creating the nested object if needed; a null value
     * removes the property.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> form, String path, Object value) {
        String[] parts = path.split("\\.", 2);
        if (parts.length == 2) {
            Map<String, Object> nested =
                    (Map<String, Object>) form.computeIfAbsent(parts[0], k -> new LinkedHashMap<String, Object>());
            with(nested, parts[1], value);
        } else if (value == null) {
            form.remove(path);
        } else {
            form.put(path, value);
        }
        return form;
    }

    static String email(Map<String, Object> form) {
        return (String) form.get("email");
    }

    static RequestSpecification post() {
        return given().contentType(ContentType.JSON);
    }

    static Response submit(Object body) {
        return post().body(body).post("/api/leads");
    }

    /** Submits a form that must be accepted; returns the lead id. */
    static String capture(Object body) {
        return submit(body).then().statusCode(202).extract().path("leadId");
    }

    /** Submits a form that must be refused with a 400 problem naming {@code field}. */
    static void assertRejected(Object body, String field) {
        submit(body)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    /** Opens the event's sealed personal data with the lead's key from faro.lead-keys, as email-service does. */
    static PersonalData personal(TestKafka kafka, LeadCaptured event) {
        return TestPrivacy.open(kafka, event.leadId(), event.personal(), PersonalData.class);
    }

    /** Waits for the one LeadCaptured of this lead to be on Kafka and returns its data. */
    static LeadCaptured awaitSingleEvent(TestKafka kafka, String leadId) {
        List<EventEnvelope> events = new ArrayList<>();
        await("the LeadCaptured of " + leadId).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            events.clear();
            events.addAll(kafka.events(Topics.LEADS.name(), leadId));
            assertThat(events).hasSize(1);
        });
        return EventCodec.instance().data(events.get(0), LeadCaptured.class);
    }
}
