package dev.faro.incentive.reconciliation;

import static dev.faro.incentive.reconciliation.LedgerApi.PATH;
import static dev.faro.incentive.reconciliation.LedgerApi.ask;
import static dev.faro.incentive.reconciliation.LedgerApi.ledger;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.incentive.issuing.OfferGrants;
import dev.faro.incentive.offer.OfferApi;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.reconciliation.LeadLedgerRequest;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class LeadLedgerTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

    @Inject
    LedgerRows rows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void anIssuedLeadReportsItsIncentive() {
        String campaign = knownCampaign("issued");
        UUID leadId = UUID.randomUUID();
        Instant before = Instant.now();

        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign));

        // Once the relay has published IncentiveIssued nothing of the lead waits in the outbox.
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> ledger(leadId)
                .statusCode(200)
                .body("leads[0].incentives", hasSize(1))
                .body("leads[0].unsent", hasSize(0)));
        ValidatableResponse ledger = ledger(leadId)
                .contentType(ContentType.JSON)
                .body("leads", hasSize(1))
                .body("leads[0].leadId", equalTo(leadId.toString()))
                .body("leads[0].erased", equalTo(false))
                .body("leads[0].refusals", hasSize(0));
        Map<String, Object> incentive = ledger.extract().path("leads[0].incentives[0]");
        assertThat(incentive)
                .containsOnlyKeys("campaign", "kind", "issuedAt")
                .containsEntry("campaign", campaign)
                .containsEntry("kind", IncentiveIssued.PERCENT_DISCOUNT);
        assertThat(Instant.parse((String) incentive.get("issuedAt"))).isBetween(before.minusSeconds(1), Instant.now());
    }

    @Test
    void aLeadRefusedBecauseTheBudgetIsSpentReportsTheRefusalAndNoIncentive() {
        String campaign = knownCampaign("refused");
        OfferApi.created(OfferApi.offer(campaign + "-spent", campaign, "free-shipping", Map.of("budget", 0)));
        UUID leadId = UUID.randomUUID();
        Instant before = Instant.now();

        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign));

        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> ledger(leadId).body("leads[0].refusals", hasSize(1)));
        ValidatableResponse ledger = ledger(leadId)
                .body("leads[0].erased", equalTo(false))
                .body("leads[0].incentives", hasSize(0))
                .body("leads[0].unsent", hasSize(0));
        Map<String, Object> refusal = ledger.extract().path("leads[0].refusals[0]");
        assertThat(refusal)
                .containsOnlyKeys("campaign", "reason", "refusedAt")
                .containsEntry("campaign", campaign)
                .containsEntry("reason", OfferGrants.BUDGET_EXHAUSTED);
        assertThat(Instant.parse((String) refusal.get("refusedAt"))).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(rows.refusalReasonsOf(leadId)).containsExactly(OfferGrants.BUDGET_EXHAUSTED);
    }

    @Test
    void aLeadThisServiceNeverHeardOfReportsNothing() {
        UUID leadId = UUID.randomUUID();

        ledger(leadId)
                .statusCode(200)
                .body(
                        "leads",
                        contains(Map.of(
                                "leadId",
                                leadId.toString(),
                                "erased",
                                false,
                                "incentives",
                                List.of(),
                                "refusals",
                                List.of(),
                                "unsent",
                                List.of())));
    }

    @Test
    void anErasedLeadReportsErasedAndNoLongerItsIncentive() {
        String campaign = knownCampaign("erased");
        UUID leadId = UUID.randomUUID();
        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign));
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> ledger(leadId).body("leads[0].incentives", hasSize(1)));

        kafka().publish(
                        leadId.toString(),
                        GoldenEvents.fresh(
                                EventType.LEAD_ERASED,
                                Map.of("leadId", leadId, "campaign", campaign, "reason", "admin-request")));

        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> ledger(leadId)
                .body("leads[0].erased", equalTo(true))
                .body("leads[0].incentives", hasSize(0))
                .body("leads[0].refusals", hasSize(0)));
    }

    @Test
    void eachIdAskedIsAnsweredOnceInTheOrderAsked() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        ask(List.of(third.toString(), first.toString(), third.toString(), second.toString()))
                .statusCode(200)
                .body("leads.leadId", contains(third.toString(), first.toString(), second.toString()));
        ask(List.of()).statusCode(200).body("leads", hasSize(0));
    }

    @Test
    void aFullPageIsAnswered() {
        List<String> page = IntStream.range(0, LeadLedgerRequest.MAX_LEADS)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();

        ask(page).statusCode(200).body("leads", hasSize(LeadLedgerRequest.MAX_LEADS));
    }

    @Test
    void aMalformedIdOrMoreIdsThanAPageIsAProblemNamingLeadIds() {
        invalid(ask(Arrays.asList(UUID.randomUUID().toString(), "not-a-lead")));
        invalid(ask(Arrays.asList(UUID.randomUUID().toString(), null)));
        invalid(ask(IntStream.rangeClosed(0, LeadLedgerRequest.MAX_LEADS)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList()));
        invalid(given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .contentType(ContentType.JSON)
                .body("{}")
                .post(PATH)
                .then());
        invalid(given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .contentType(ContentType.JSON)
                .post(PATH)
                .then());
    }

    @Test
    void onlyAnAdminMayAsk() {
        given().contentType(ContentType.JSON)
                .body(Map.of("leadIds", List.of()))
                .post(PATH)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON)
                .body(Map.of("leadIds", List.of()))
                .post(PATH)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private static void invalid(ValidatableResponse response) {
        response.statusCode(400).contentType("application/problem+json").body("errors.field", contains("leadIds"));
    }

    private static EventEnvelope leadCaptured(UUID leadId, String campaign) {
        return GoldenEvents.fresh(
                EventType.LEAD_CAPTURED, Map.of("leadId", leadId, "campaign", campaign, "confirmationRequired", false));
    }

    /** A campaign of its own, announced as lead-service would. */
    private String knownCampaign(String prefix) {
        String campaign = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        kafka().publish(campaign, GoldenEvents.campaign(campaign));
        return campaign;
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
