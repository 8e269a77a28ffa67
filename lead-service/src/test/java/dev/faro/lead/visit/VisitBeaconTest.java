package dev.faro.lead.visit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.Utm;
import dev.faro.contract.events.VisitRecorded;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.PrometheusText;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class VisitBeaconTest {

    @Inject
    VisitPublisher publisher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    /**
     * The start-up warm-up asks for the topic's partitions without waiting for them; a test that runs within
     * milliseconds of start-up waits for the answer, as a landing page's first visitor never would have to.
     */
    @BeforeEach
    void visitProducerKnowsTheTopic() {
        await("the visit producer has the partitions of faro.visits")
                .atMost(Duration.ofSeconds(20))
                .until(publisher::knowsTopic);
    }

    @Test
    void visitIsAcceptedAndPublishedKeyedByVisitorWithEveryFieldCarried() {
        String visitorId = uniqueVisitorId();
        double publishedBefore = publishedInMetrics();

        given().contentType(ContentType.JSON)
                .body(fullVisit(visitorId))
                .post("/api/visits")
                .then()
                .statusCode(202)
                .body(emptyString());

        ConsumerRecord<String, String> record = awaitSingleRecord(visitorId);
        EventEnvelope event = EventCodec.instance().decode(record.value());
        assertThat(event.eventType()).isEqualTo(EventType.VISIT_RECORDED);
        assertThat(event.source()).isEqualTo("/faro/lead-service");
        assertThat(event.subject()).isEqualTo(visitorId);
        assertThat(EventCodec.instance().data(event, VisitRecorded.class))
                .isEqualTo(new VisitRecorded(
                        visitorId,
                        "demo",
                        "redes-sociales",
                        "a",
                        new Utm("newsletter", "email", "otono", "redes", null),
                        "https://news.example.org/articulo?id=7"));
        assertThat(TestKafka.header(record, "content-type")).contains("application/cloudevents+json; charset=UTF-8");
        assertThat(TestKafka.header(record, "ce_id")).contains(event.id().toString());
        assertThat(TestKafka.header(record, "ce_type")).contains("dev.faro.visit.recorded");
        await("the acknowledged visit is counted as published")
                .atMost(Duration.ofSeconds(10))
                .until(() -> publishedInMetrics() >= publishedBefore + 1);
    }

    @Test
    void publishedVisitHasExactlyTheFieldsOfTheGoldenExample() {
        String visitorId = uniqueVisitorId();
        post(fullVisit(visitorId)).then().statusCode(202);

        JsonNode published = EventCodec.instance()
                .decode(awaitSingleRecord(visitorId).value())
                .data();
        JsonNode golden = EventCodec.instance()
                .decode(EventCodec.instance().goldenExample(EventType.VISIT_RECORDED))
                .data();

        assertThat(fieldNames(published)).isEqualTo(fieldNames(golden));
        assertThat(fieldNames(published.get("utm"))).isEqualTo(fieldNames(golden.get("utm")));
    }

    @Test
    void visitWithOnlyVisitorAndCampaignIsPublishedWithTheRestAbsent() {
        String visitorId = uniqueVisitorId();
        post("{\"visitorId\":\"" + visitorId + "\",\"campaign\":\"demo\",\"variant\":\" \",\"utm\":{}}")
                .then()
                .statusCode(202);

        EventEnvelope event =
                EventCodec.instance().decode(awaitSingleRecord(visitorId).value());

        assertThat(EventCodec.instance().data(event, VisitRecorded.class))
                .isEqualTo(new VisitRecorded(visitorId, "demo", null, null, null, null));
    }

    @Test
    void missingRequiredFieldsAreRejectedNamingEach() {
        post("{}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("visitorId"))
                .body("errors.field", hasItem("campaign"));
        assertRejected("{\"visitorId\":\"" + uniqueVisitorId() + "\"}", "campaign");
    }

    @Test
    void invalidValuesAreRejectedNamingTheField() {
        assertRejected(visit("has spaces", "demo", null), "visitorId");
        assertRejected(visit("", "demo", null), "visitorId");
        assertRejected(visit("v".repeat(65), "demo", null), "visitorId");
        assertRejected(visit(uniqueVisitorId(), "Not A Slug!", null), "campaign");
        assertRejected(visit(uniqueVisitorId(), "demo", "javascript:alert(1)"), "referrer");
        assertRejected(visit(uniqueVisitorId(), "demo", "news.example.org/"), "referrer");
        assertRejected(visit(uniqueVisitorId(), "demo", "https://example.org/" + "x".repeat(2048)), "referrer");
        assertRejected(
                "{\"visitorId\":\"" + uniqueVisitorId() + "\",\"campaign\":\"demo\",\"landingPage\":\""
                        + "p".repeat(201) + "\"}",
                "landingPage");
        assertRejected(
                "{\"visitorId\":\"" + uniqueVisitorId()
                        + "\",\"campaign\":\"demo\",\"utm\":{\"source\":\"a\\u0000b\"}}",
                "utm.source");
    }

    @Test
    void unknownPropertiesAreRejectedNotIgnored() {
        String visitorId = uniqueVisitorId();
        assertRejected(
                "{\"visitorId\":\"" + visitorId + "\",\"campaign\":\"demo\",\"email\":\"lucia@example.org\"}", "email");
        assertRejected("{\"visitorId\":\"" + visitorId + "\",\"campaign\":\"demo\",\"page\":\"home\"}", "page");
        assertRejected("{\"visitorId\":\"" + visitorId + "\",\"campaign\":\"demo\",\"utm\":{\"id\":\"x\"}}", "utm.id");
    }

    @Test
    void rejectedVisitsPublishNothing() {
        String visitorId = uniqueVisitorId();
        assertRejected(visit(visitorId, "Not A Slug!", null), "campaign");
        assertRejected(visit(visitorId, "demo", "ftp://example.org/"), "referrer");
        assertRejected("{\"visitorId\":\"" + visitorId + "\",\"campaign\":\"demo\",\"ip\":\"203.0.113.9\"}", "ip");

        // Same key, same partition: once this visit is on the topic, any earlier one would be there too.
        post(visit(visitorId, "demo", "https://accepted.example.org/")).then().statusCode(202);

        ConsumerRecord<String, String> only = awaitSingleRecord(visitorId);
        VisitRecorded published =
                EventCodec.instance().data(EventCodec.instance().decode(only.value()), VisitRecorded.class);
        assertThat(published.referrer()).isEqualTo("https://accepted.example.org/");
    }

    @Test
    void bodiesThatAreNotAVisitGetProblemJsonNeverAServerError() {
        for (String body : List.of("", "{", "[]", "42", "null", "{\"utm\":\"newsletter\"}", "{\"visitorId\":[1]}")) {
            post(body)
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400));
        }
    }

    private static io.restassured.response.Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/visits");
    }

    private static void assertRejected(String body, String field) {
        post(body)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private ConsumerRecord<String, String> awaitSingleRecord(String visitorId) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await("the visit of " + visitorId + " on " + Topics.VISITS.name())
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    records.clear();
                    records.addAll(new TestKafka(kafkaBootstrap)
                            .records(Topics.VISITS.name(), r -> visitorId.equals(r.key())));
                    assertThat(records).hasSize(1);
                });
        return records.get(0);
    }

    private static double publishedInMetrics() {
        String scrape =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.value(scrape, "faro_visits_published_total").orElse(0);
    }

    static String fullVisit(String visitorId) {
        return """
                {"visitorId": "%s", "campaign": "demo", "landingPage": "redes-sociales", "variant": "a",
                 "utm": {"source": "newsletter", "medium": "email", "campaign": "otono", "term": "redes"},
                 "referrer": "https://news.example.org/articulo?id=7"}
                """
                .formatted(visitorId);
    }

    static String visit(String visitorId, String campaign, String referrer) {
        StringBuilder json = new StringBuilder("{\"visitorId\":\"")
                .append(visitorId)
                .append("\",\"campaign\":\"")
                .append(campaign)
                .append('"');
        if (referrer != null) {
            json.append(",\"referrer\":\"").append(referrer).append('"');
        }
        return json.append('}').toString();
    }

    static String uniqueVisitorId() {
        return "v-" + UUID.randomUUID();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
