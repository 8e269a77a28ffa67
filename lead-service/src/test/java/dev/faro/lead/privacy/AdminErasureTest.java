package dev.faro.lead.privacy;

import static dev.faro.lead.privacy.PrivacyFixtures.as;
import static dev.faro.lead.privacy.PrivacyFixtures.awaitEvents;
import static dev.faro.lead.privacy.PrivacyFixtures.campaign;
import static dev.faro.lead.privacy.PrivacyFixtures.capture;
import static dev.faro.lead.privacy.PrivacyFixtures.kafka;
import static dev.faro.lead.privacy.PrivacyFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.LeadErased;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestPrivacy;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class AdminErasureTest {

    @Inject
    PrivacyRows rows;

    @Test
    void deletingALeadErasesItsRowConsentAndKeyAndTellsEveryService() {
        String email = uniqueEmail();
        String campaign = campaign("es");
        UUID leadId = capture(email, campaign);
        TestPrivacy.awaitDataKey(kafka(), leadId);

        as(Roles.ADMIN).delete("/api/leads/{id}", leadId).then().statusCode(204);

        assertThat(rows.leads(leadId)).isZero();
        assertThat(rows.consentRecords(leadId)).isZero();
        assertThat(rows.keys(leadId)).isZero();
        assertThat(rows.suppressed(email)).isTrue();
        assertThat(awaitEvents(leadId, EventType.LEAD_ERASED, 1, LeadErased.class))
                .containsExactly(new LeadErased(leadId, campaign, "admin-request"));
        List<EventEnvelope> keyEvents = await("LeadKeyDestroyed of " + leadId)
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestPrivacy.keyEvents(kafka(), leadId),
                        events -> events.get(events.size() - 1).eventType() == EventType.LEAD_KEY_DESTROYED);
        assertThat(keyEvents).extracting(EventEnvelope::eventType).contains(EventType.LEAD_KEY_ISSUED);
    }

    @Test
    void deletingItAgainAnswers404() {
        UUID leadId = capture(uniqueEmail(), campaign("es"));
        as(Roles.ADMIN).delete("/api/leads/{id}", leadId).then().statusCode(204);

        as(Roles.ADMIN)
                .delete("/api/leads/{id}", leadId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/not-found"));
        as(Roles.ADMIN).delete("/api/leads/{id}", UUID.randomUUID()).then().statusCode(404);
        as(Roles.ADMIN).delete("/api/leads/{id}", "not-a-lead-id").then().statusCode(404);
    }

    @Test
    void erasingAnAddressErasesItsLeadsInEveryCampaignAndNoOneElses() {
        String email = uniqueEmail();
        String spring = campaign("es");
        String autumn = campaign("en");
        UUID first = capture(email, spring);
        UUID second = capture(email, autumn);
        UUID someoneElse = capture(uniqueEmail(), spring);

        as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("email", "  " + email.toUpperCase() + " "))
                .post("/api/admin/erasures")
                .then()
                .statusCode(200)
                .body("erased", containsInAnyOrder(first.toString(), second.toString()));

        assertThat(rows.leadsOf(email)).isZero();
        assertThat(rows.leads(someoneElse)).isOne();
        assertThat(awaitEvents(first, EventType.LEAD_ERASED, 1, LeadErased.class))
                .containsExactly(new LeadErased(first, spring, "admin-request"));
        assertThat(awaitEvents(second, EventType.LEAD_ERASED, 1, LeadErased.class))
                .containsExactly(new LeadErased(second, autumn, "admin-request"));
    }

    @Test
    void erasingAnAddressFaroDoesNotKnowErasesNothing() {
        as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("email", uniqueEmail()))
                .post("/api/admin/erasures")
                .then()
                .statusCode(200)
                .body("erased", empty());
    }

    @Test
    void erasingSomethingThatIsNotAnAddressIsRefused() {
        as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-address"))
                .post("/api/admin/erasures")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
    }
}
