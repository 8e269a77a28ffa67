package dev.faro.lead.campaign;

import static dev.faro.lead.campaign.CampaignBodies.uniqueId;
import static dev.faro.lead.campaign.CampaignBodies.update;
import static dev.faro.lead.campaign.CampaignBodies.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.CampaignChanged;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class CampaignAdminTest {

    private static final String CAMPAIGNS = "/api/admin/campaigns";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void createdCampaignAnswers201WithLocationAndReadsBackAsSent() {
        String id = uniqueId();

        String location = marketer()
                .body(valid(id))
                .post(CAMPAIGNS)
                .then()
                .statusCode(201)
                .header("Location", endsWith(CAMPAIGNS + "/" + id))
                .body("id", equalTo(id))
                .body("revision", equalTo(1))
                .body("archived", equalTo(false))
                .extract()
                .header("Location");

        marketer()
                .get(location)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("id", equalTo(id))
                .body("revision", equalTo(1))
                .body("name", equalTo("Black Friday 2026"))
                .body("locale", equalTo("en"))
                .body("timeZone", equalTo("America/Mexico_City"))
                .body("landingPages.id", contains("offer", "thanks"))
                .body("landingPages[0].variants", contains("a", "b"))
                .body("landingPages[1].variants.size()", equalTo(0))
                .body("allowedOrigins", contains("https://www.example.org", "https://shop.example.org:8443"))
                .body("goal.targetLeads", equalTo(250))
                .body("goal.leadType", equalTo("newsletter"))
                .body("goal.deadline", equalTo("2026-12-31T23:00:00Z"))
                .body("spend.source", contains("newsletter", "instagram"))
                .body("spend[0].amount", equalTo(120.5f))
                .body("spend[1].currency", equalTo("MXN"))
                .body("doubleOptIn", equalTo(true))
                .body("customFields.name", contains("company-size", "phone"))
                .body("customFields[1].type", equalTo("phone"))
                .body("customFields[1].required", equalTo(true))
                .body("offerRef", equalTo("ebook-10"));
    }

    @Test
    void campaignWithOnlyTheRequiredFieldsIsCreatedWithEmptyListsAndNoGoal() {
        String id = uniqueId();
        Map<String, Object> minimal =
                Map.of("id", id, "name", "Mínima", "locale", "es", "timeZone", "UTC", "doubleOptIn", false);

        marketer()
                .body(minimal)
                .post(CAMPAIGNS)
                .then()
                .statusCode(201)
                .body("landingPages.size()", equalTo(0))
                .body("allowedOrigins.size()", equalTo(0))
                .body("spend.size()", equalTo(0))
                .body("customFields.size()", equalTo(0))
                .body("goal", equalTo(null))
                .body("offerRef", equalTo(null));

        CampaignChanged published = awaitEvents(id, 1).get(0);
        assertThat(published.goal()).isNull();
        assertThat(published.landingPages()).isEmpty();
    }

    @Test
    void missingRequiredFieldsAreRejectedNamingEach() {
        assertRejected(Map.of("landingPages", List.of()), "id", "name", "locale", "timeZone", "doubleOptIn");
    }

    @Test
    void invalidValuesAreRejectedNamingEachFieldByItsPath() {
        Map<String, Object> body = valid("Not A Slug!");
        body.put("locale", "fr");
        body.put("timeZone", "+01:00");
        body.put(
                "landingPages",
                List.of(
                        Map.of("id", "offer", "variants", List.of("a", "B")),
                        Map.of("id", "offer", "variants", List.of("a", "a"))));
        body.put(
                "allowedOrigins",
                List.of(
                        "https://ok.example.org",
                        "http://insecure.example.org",
                        "https://example.org/",
                        "https://example.org:443"));
        body.put("goal", Map.of("targetLeads", 0, "leadType", "newsletter", "deadline", "2026-12-31T23:00:00Z"));
        body.put(
                "spend",
                List.of(
                        Map.of("source", "newsletter", "amount", -1, "currency", "EUR"),
                        Map.of("source", "ads", "amount", 10.123, "currency", "EURO")));
        body.put(
                "customFields",
                List.of(
                        Map.of("name", "color", "type", "colour", "required", false),
                        Map.of("name", "color", "type", "text", "required", true)));

        assertRejected(
                body,
                "id",
                "locale",
                "timeZone",
                "landingPages[0].variants[1]",
                "landingPages[1].id",
                "landingPages[1].variants[1]",
                "allowedOrigins[1]",
                "allowedOrigins[2]",
                "allowedOrigins[3]",
                "goal.targetLeads",
                "spend[0].amount",
                "spend[1].amount",
                "spend[1].currency",
                "customFields[0].type",
                "customFields[1].name");
    }

    @Test
    void unknownPropertiesAndWhatFaroDecidesAreRefused() {
        Map<String, Object> archived = valid(uniqueId());
        archived.put("archived", true);
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON)
                .body(archived)
                .post(CAMPAIGNS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("archived"));

        Map<String, Object> withRevision = valid(uniqueId());
        withRevision.put("revision", 7);
        assertRejected(withRevision, "revision");
    }

    @Test
    void creatingATakenIdAnswers409AndChangesNothing() {
        String id = uniqueId();
        create(id);
        Map<String, Object> again = valid(id);
        again.put("name", "Someone else's");

        marketer()
                .body(again)
                .post(CAMPAIGNS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/campaign-exists"))
                .body("errors.field", contains("id"));

        marketer().get(CAMPAIGNS + "/" + id).then().body("name", equalTo("Black Friday 2026"));
    }

    @Test
    void updateWithTheCurrentRevisionReplacesTheCampaignAndMovesToTheNextRevision() {
        String id = uniqueId();
        create(id);
        Map<String, Object> changed = update(id, 1);
        changed.put("name", "Black Friday, extended");
        changed.put("landingPages", List.of(Map.of("id", "offer", "variants", List.of("c"))));
        changed.remove("spend");
        changed.remove("goal");

        marketer()
                .body(changed)
                .put(CAMPAIGNS + "/" + id)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("name", equalTo("Black Friday, extended"));

        marketer()
                .get(CAMPAIGNS + "/" + id)
                .then()
                .body("revision", equalTo(2))
                .body("landingPages.id", contains("offer"))
                .body("landingPages[0].variants", contains("c"))
                .body("spend.size()", equalTo(0))
                .body("goal", equalTo(null))
                .body("allowedOrigins.size()", equalTo(2));
    }

    @Test
    void updateWithAStaleRevisionAnswers409AndChangesNothing() {
        String id = uniqueId();
        create(id);
        marketer().body(update(id, 1)).put(CAMPAIGNS + "/" + id).then().statusCode(200);
        Map<String, Object> stale = update(id, 1);
        stale.put("name", "Lost update");

        marketer()
                .body(stale)
                .put(CAMPAIGNS + "/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/stale-revision"))
                .body("errors.field", contains("revision"));

        marketer()
                .get(CAMPAIGNS + "/" + id)
                .then()
                .body("revision", equalTo(2))
                .body("name", equalTo("Black Friday 2026"));
    }

    @Test
    void updateNeedsTheRevisionAndCannotRenameTheCampaign() {
        String id = uniqueId();
        create(id);
        Map<String, Object> noRevision = update(id, 1);
        noRevision.remove("revision");
        marketer()
                .body(noRevision)
                .put(CAMPAIGNS + "/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", contains("revision"));

        Map<String, Object> renamed = update(id, 1);
        renamed.put("id", uniqueId());
        marketer()
                .body(renamed)
                .put(CAMPAIGNS + "/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", contains("id"));
    }

    @Test
    void unknownCampaignAnswers404() {
        String id = uniqueId();
        marketer().get(CAMPAIGNS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        marketer().body(update(id, 1)).put(CAMPAIGNS + "/" + id).then().statusCode(404);
        marketer().post(CAMPAIGNS + "/" + id + "/archive").then().statusCode(404);
    }

    @Test
    void archivedCampaignIsHiddenFromTheListAndRefusesNewLeads() {
        String id = uniqueId();
        create(id);
        marketer().get(CAMPAIGNS).then().statusCode(200).body("id", hasItem(id));
        assertThat(capture(id).extract().statusCode()).isBetween(200, 299);

        marketer()
                .post(CAMPAIGNS + "/" + id + "/archive")
                .then()
                .statusCode(200)
                .body("archived", equalTo(true))
                .body("revision", equalTo(2));

        marketer().get(CAMPAIGNS).then().statusCode(200).body("id", not(hasItem(id)));
        marketer()
                .queryParam("includeArchived", true)
                .get(CAMPAIGNS)
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        marketer().get(CAMPAIGNS + "/" + id).then().statusCode(200).body("archived", equalTo(true));
        capture(id).statusCode(400).contentType("application/problem+json").body("errors.field", contains("campaign"));
    }

    @Test
    void archivingTwiceChangesAndPublishesNothingMore() {
        String id = uniqueId();
        create(id);
        marketer().post(CAMPAIGNS + "/" + id + "/archive").then().statusCode(200);

        marketer()
                .post(CAMPAIGNS + "/" + id + "/archive")
                .then()
                .statusCode(200)
                .body("archived", equalTo(true))
                .body("revision", equalTo(2));

        assertThat(awaitEvents(id, 2)).extracting(CampaignChanged::revision).containsExactly(1L, 2L);
    }

    @Test
    void everyChangeIsPublishedWithTheFullStateAtItsRevisionKeyedByCampaign() {
        String id = uniqueId();
        create(id);
        Map<String, Object> changed = update(id, 1);
        changed.put("name", "Renamed");
        marketer().body(changed).put(CAMPAIGNS + "/" + id).then().statusCode(200);
        marketer().post(CAMPAIGNS + "/" + id + "/archive").then().statusCode(200);

        List<CampaignChanged> events = awaitEvents(id, 3);

        assertThat(events).extracting(CampaignChanged::revision).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(CampaignChanged::name).containsExactly("Black Friday 2026", "Renamed", "Renamed");
        assertThat(events).extracting(CampaignChanged::archived).containsExactly(false, false, true);
        CampaignChanged created = events.get(0);
        assertThat(created)
                .isEqualTo(new CampaignChanged(
                        id,
                        1,
                        "Black Friday 2026",
                        "en",
                        "America/Mexico_City",
                        true,
                        false,
                        List.of(
                                new CampaignChanged.LandingPage("offer", List.of("a", "b")),
                                new CampaignChanged.LandingPage("thanks", List.of())),
                        new CampaignChanged.Goal(250, "newsletter", Instant.parse("2026-12-31T23:00:00Z")),
                        List.of(
                                new CampaignChanged.Spend("newsletter", new BigDecimal("120.50"), "EUR"),
                                new CampaignChanged.Spend("instagram", new BigDecimal("0.00"), "MXN")),
                        "ebook-10"));
        List<ConsumerRecord<String, String>> records =
                kafka().records(Topics.CAMPAIGNS.name(), r -> id.equals(r.key()));
        assertThat(records).hasSize(3);
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = EventCodec.instance().decode(record.value());
            assertThat(event.eventType()).isEqualTo(EventType.CAMPAIGN_CHANGED);
            assertThat(event.subject()).isEqualTo(id);
            assertThat(event.source()).isEqualTo("/faro/lead-service");
        }
    }

    private void create(String id) {
        marketer().body(valid(id)).post(CAMPAIGNS).then().statusCode(201);
    }

    private static ValidatableResponse capture(String campaign) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "email",
                        "lead-" + campaign + "-" + System.nanoTime() + "@example.org",
                        "campaign",
                        campaign,
                        "consent",
                        Map.of("marketing", true),
                        // The campaign of CampaignBodies.valid declares a required phone field.
                        "customFields",
                        Map.of("phone", "+34612345678")))
                .post("/api/leads")
                .then();
    }

    private static void assertRejected(Map<String, Object> body, String... fields) {
        marketer()
                .body(body)
                .post(CAMPAIGNS)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder(fields));
    }

    private List<CampaignChanged> awaitEvents(String id, int count) {
        List<CampaignChanged> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            events.clear();
            kafka().events(Topics.CAMPAIGNS.name(), id).stream()
                    .map(e -> EventCodec.instance().data(e, CampaignChanged.class))
                    .forEach(events::add);
            assertThat(events).hasSize(count);
        });
        return events;
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }

    private static RequestSpecification marketer() {
        return given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON);
    }
}
