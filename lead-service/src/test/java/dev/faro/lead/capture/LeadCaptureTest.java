package dev.faro.lead.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.PersonalData;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class LeadCaptureTest {

    @Inject
    LeadRows rows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void acceptedLeadIsStoredThenPublishedAsLeadCapturedWithItsOutboxEventId() {
        String email = uniqueEmail();

        String leadId = capture(body(email, "Lucía", "demo", true, "es"));

        assertThat(rows.countLeads(email)).isEqualTo(1);
        EventEnvelope event = awaitSingleEvent(leadId);
        assertThat(event.eventType()).isEqualTo(EventType.LEAD_CAPTURED);
        LeadCaptured data = EventCodec.instance().data(event, LeadCaptured.class);
        assertThat(data.leadId()).hasToString(leadId);
        PersonalData personal = Forms.personal(kafka(), data);
        assertThat(personal.email()).isEqualTo(email);
        assertThat(personal.name()).isEqualTo("Lucía");
        assertThat(event.data().toString()).doesNotContain(email).doesNotContain("Lucía");
        assertThat(data.campaign()).isEqualTo("demo");
        assertThat(data.consent().marketing()).isTrue();
        assertThat(rows.outboxEventIds(leadId)).containsExactly(event.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> rows.unsentOutboxEvents(leadId) == 0);
    }

    @Test
    void publishedEventHasExactlyTheFieldsOfTheGoldenExample() {
        String leadId = capture(body(uniqueEmail(), "Ana", "demo", false, "en"));

        EventEnvelope published = awaitSingleEvent(leadId);
        EventEnvelope golden =
                EventCodec.instance().decode(EventCodec.instance().goldenExample(EventType.LEAD_CAPTURED));

        assertThat(fieldNames(published.data())).isEqualTo(fieldNames(golden.data()));
        assertThat(published.source()).isEqualTo("/faro/lead-service");
        assertThat(published.subject()).isEqualTo(leadId);
    }

    @Test
    void publishedRecordCarriesTheTraceOfTheCaptureRequest() {
        String leadId = capture(body(uniqueEmail(), null, "demo", true, null));
        awaitSingleEvent(leadId);

        String storedTraceParent = rows.outboxTraceParent(leadId);
        ConsumerRecord<String, String> record = kafka().records(Topics.LEADS.name(), r -> leadId.equals(r.key()))
                .get(0);
        String publishedTraceParent = TestKafka.header(record, "traceparent").orElseThrow();

        assertThat(storedTraceParent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(traceId(publishedTraceParent)).isEqualTo(traceId(storedTraceParent));
        assertThat(TestKafka.header(record, "ce_id"))
                .contains(rows.outboxEventIds(leadId).get(0).toString());
    }

    @Test
    void duplicateSubmissionReturnsSameLeadAndPublishesOnce() {
        String email = uniqueEmail();

        String first = capture(body(email, "Lucía", "demo", true, "es"));
        String second = capture(body("  " + email.toUpperCase() + " ", "Lucía G.", "demo", true, "es"));

        assertThat(second).isEqualTo(first);
        assertThat(rows.countLeads(email)).isEqualTo(1);
        awaitSingleEvent(first);
        assertThat(rows.outboxEventIds(first)).hasSize(1);
    }

    @Test
    void concurrentDuplicateSubmissionsCollapseIntoOneLead() throws Exception {
        String email = uniqueEmail();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> submissions = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                submissions.add(() -> capture(body(email, "Concurrente", "demo", true, "es")));
            }
            Set<String> ids = new TreeSet<>();
            for (Future<String> id : pool.invokeAll(submissions)) {
                ids.add(id.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows.countLeads(email)).isEqualTo(1);
        assertThat(rows.outboxEventIds(rows.leadId(email))).hasSize(1);
    }

    @Test
    void missingRequiredFieldsAreRejectedNamingEachAndNothingIsStored() {
        String email = uniqueEmail();
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\"}")
                .post("/api/leads")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", notNullValue())
                .body("errors.field", hasItem("campaign"))
                .body("errors.field", hasItem("consent"));
        given().contentType(ContentType.JSON)
                .body("{\"campaign\":\"demo\",\"consent\":{\"marketing\":true}}")
                .post("/api/leads")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("email"));
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"campaign\":\"demo\",\"consent\":{}}")
                .post("/api/leads")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("consent.marketing"));

        assertThat(rows.countLeads(email)).isZero();
    }

    @Test
    void invalidValuesAreRejectedNamingTheField() {
        assertRejected(body("not-an-address", null, "demo", true, null), "email");
        assertRejected(body(uniqueEmail(), null, "Not A Slug!", true, null), "campaign");
        assertRejected(body(uniqueEmail(), null, "no-such-campaign", true, null), "campaign");
        assertRejected(body(uniqueEmail(), null, "demo", true, "fr"), "locale");
        assertRejected(body(uniqueEmail(), "x".repeat(201), "demo", true, null), "name");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "status",
                "score",
                "id",
                "leadId",
                "createdAt",
                "updatedAt",
                "marketingConsent",
                "consentGivenAt",
                "confirmationRequired",
                "consent.givenAt",
                "consent.truncatedIp",
                "consent.userAgent",
                "consent.purpose"
            })
    void privilegedPropertyIsRejectedNamingItAndNothingIsStored(String property) {
        Map<String, Object> form = Forms.with(Forms.minimal(), property, "2020-01-01T00:00:00Z");

        assertRejected(new ObjectMapper().valueToTree(form).toString(), property);
        assertThat(rows.countLeads(Forms.email(form))).isZero();
    }

    @Test
    void unknownPropertyIsRejectedNotIgnored() {
        String email = uniqueEmail();
        String withUnknown = "{\"email\":\"" + email
                + "\",\"campaign\":\"demo\",\"consent\":{\"marketing\":true},\"favouriteColour\":\"blue\"}";

        assertRejected(withUnknown, "favouriteColour");
        assertThat(rows.countLeads(email)).isZero();
    }

    @Test
    void bodiesThatAreNotALeadGetProblemJsonNeverAServerError() {
        for (String body : List.of("", "{", "[]", "42", "null", "{\"consent\":\"yes\"}", "{\"email\":[1,2]}")) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/leads")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400));
        }
    }

    @Test
    void oversizedBodyIsRefused() {
        String huge = body(uniqueEmail(), "x".repeat(100_000), "demo", true, null);
        given().contentType(ContentType.JSON)
                .body(huge)
                .post("/api/leads")
                .then()
                .statusCode(413);
    }

    private void assertRejected(String body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/leads")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static String capture(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/leads")
                .then()
                .statusCode(202)
                .contentType(ContentType.JSON)
                .extract()
                .path("leadId");
    }

    private EventEnvelope awaitSingleEvent(String leadId) {
        List<EventEnvelope> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            events.clear();
            events.addAll(kafka().events(Topics.LEADS.name(), leadId));
            assertThat(events).hasSize(1);
        });
        return events.get(0);
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }

    static String body(String email, String name, String campaign, boolean marketing, String locale) {
        StringBuilder json = new StringBuilder("{\"email\":\"").append(email).append('"');
        if (name != null) {
            json.append(",\"name\":\"").append(name).append('"');
        }
        json.append(",\"campaign\":\"").append(campaign).append('"');
        json.append(",\"consent\":{\"marketing\":").append(marketing).append('}');
        if (locale != null) {
            json.append(",\"locale\":\"").append(locale).append('"');
        }
        return json.append('}').toString();
    }

    static String uniqueEmail() {
        return "lead-" + UUID.randomUUID() + "@example.org";
    }

    private static String traceId(String traceParent) {
        return traceParent.split("-")[1];
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
