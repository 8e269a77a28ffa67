package dev.faro.incentive.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.incentive.code.DiscountCodes;
import dev.faro.incentive.issuing.OfferGrants;
import dev.faro.incentive.offer.OfferApi;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class IncentivePrivacyTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

    @Inject
    IncentiveTable incentives;

    @Test
    void adminSeesTheIncentivesOfALead() {
        String campaign = knownCampaign();
        UUID leadId = UUID.randomUUID();

        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign));

        ValidatableResponse held = awaitIncentives(leadId, 1);
        held.body("leadId", equalTo(leadId.toString()))
                .body("erased", equalTo(false))
                .body("refusals", hasSize(0))
                .body("incentives[0].campaign", equalTo(campaign))
                .body("incentives[0].kind", equalTo(IncentiveIssued.PERCENT_DISCOUNT))
                .body("incentives[0].status", equalTo("issued"))
                .body("incentives[0].discountPercent", equalTo(10))
                .body("incentives[0].issuedAt", notNullValue())
                .body("incentives[0].expiresAt", notNullValue());
        assertThat(DiscountCodes.isWellFormed(held.extract().path("incentives[0].code")))
                .isTrue();
    }

    @Test
    void anErasedLeadsIncentiveStaysForTheCountsButNoLongerNamesThePersonOrItsCode() {
        String campaign = knownCampaign();
        UUID leadId = UUID.randomUUID();
        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign));
        String code = awaitIncentives(leadId, 1).extract().path("incentives[0].code");

        kafka().publish(leadId.toString(), leadErased(leadId, campaign));

        awaitIncentives(leadId, 0).body("erased", equalTo(true));
        assertThat(incentives.ofCampaign(campaign)).isOne();
        assertThat(incentives.anonymisedOfCampaign(campaign)).isOne();
        assertThat(incentives.withCode(code)).isZero();
    }

    @Test
    void anErasedLeadsRedemptionKeepsItsValueButNotTheShopsOrderId() {
        String campaign = knownCampaign();
        UUID leadId = UUID.randomUUID();
        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign));
        String code = awaitIncentives(leadId, 1).extract().path("incentives[0].code");
        String orderId = "pedido-" + leadId;
        given().header("Authorization", TestTokens.bearer(Roles.SHOP))
                .contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId, "orderValue", 42.5, "currency", "EUR"))
                .post("/api/incentives/" + code + "/redemptions")
                .then()
                .statusCode(201);
        awaitIncentives(leadId, 1)
                .body("incentives[0].status", equalTo("redeemed"))
                .body("incentives[0].redemption.orderId", equalTo(orderId))
                .body("incentives[0].redemption.currency", equalTo("EUR"));

        kafka().publish(leadId.toString(), leadErased(leadId, campaign));

        awaitIncentives(leadId, 0).body("erased", equalTo(true));
        assertThat(incentives.redemptionsOfCampaign(campaign)).singleElement().satisfies(redemption -> {
            assertThat(redemption.orderId()).startsWith("erased-").isNotEqualTo(orderId);
            assertThat(redemption.orderValue()).isEqualByComparingTo("42.50");
        });
    }

    @Test
    void aLeadAnOfferRuleGaveNothingShowsItsRefusalUntilItIsErased() {
        String campaign = knownCampaign();
        String offerId = campaign + "-spent";
        OfferApi.created(OfferApi.offer(offerId, campaign, "free-shipping", Map.of("budget", 0)));
        UUID leadId = UUID.randomUUID();

        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign));

        await("refusal of " + leadId).atMost(EVENT_TIMEOUT).untilAsserted(() -> held(leadId, Roles.ADMIN)
                .body("refusals", hasSize(1)));
        held(leadId, Roles.ADMIN)
                .body("incentives", hasSize(0))
                .body("refusals[0].campaign", equalTo(campaign))
                .body("refusals[0].offerId", equalTo(offerId))
                .body("refusals[0].reason", equalTo(OfferGrants.BUDGET_EXHAUSTED))
                .body("refusals[0].refusedAt", notNullValue());

        kafka().publish(leadId.toString(), leadErased(leadId, campaign));

        await("refusal of " + leadId + " erased").atMost(EVENT_TIMEOUT).untilAsserted(() -> held(leadId, Roles.ADMIN)
                .body("erased", equalTo(true))
                .body("refusals", hasSize(0)));
        assertThat(incentives.refusalsOf(leadId)).isZero();
    }

    @Test
    void eventsOfAnErasedLeadReplayedLaterIssueNothing() {
        String campaign = knownCampaign();
        UUID leadId = UUID.randomUUID();
        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign));
        awaitIncentives(leadId, 1);
        kafka().publish(leadId.toString(), leadErased(leadId, campaign));
        awaitIncentives(leadId, 0);

        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign));
        kafka().publish(
                        leadId.toString(),
                        GoldenEvents.fresh(EventType.LEAD_CONFIRMED, Map.of("leadId", leadId, "campaign", campaign)));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
            assertThat(incentives.ofCampaign(campaign)).isOne();
            assertThat(issuedEvents(leadId)).hasSize(1);
            held(leadId, Roles.ADMIN).body("incentives", hasSize(0));
        });
    }

    @Test
    void onlyAnAdminMayReadWhatIsHeldOnALead() {
        UUID leadId = UUID.randomUUID();

        given().get("/api/privacy/leads/{id}", leadId)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        held(leadId, Roles.MARKETER).statusCode(403).contentType("application/problem+json");
        held(leadId, Roles.ADMIN).statusCode(200).body("erased", equalTo(false)).body("incentives", hasSize(0));
    }

    private ValidatableResponse awaitIncentives(UUID leadId, int count) {
        await("incentives of " + leadId).atMost(EVENT_TIMEOUT).untilAsserted(() -> held(leadId, Roles.ADMIN)
                .body("incentives", hasSize(count)));
        return held(leadId, Roles.ADMIN);
    }

    private static ValidatableResponse held(UUID leadId, String role) {
        return given().header("Authorization", TestTokens.bearer(role))
                .get("/api/privacy/leads/{id}", leadId)
                .then();
    }

    /** A campaign of its own, announced as lead-service would, so counts by campaign belong to this test alone. */
    private static String knownCampaign() {
        String campaign = "privacy-" + UUID.randomUUID().toString().substring(0, 8);
        kafka().publish(campaign, GoldenEvents.campaign(campaign));
        return campaign;
    }

    private static dev.faro.contract.EventEnvelope leadCaptured(UUID leadId, String campaign) {
        return GoldenEvents.fresh(
                EventType.LEAD_CAPTURED, Map.of("leadId", leadId, "campaign", campaign, "confirmationRequired", false));
    }

    private static dev.faro.contract.EventEnvelope leadErased(UUID leadId, String campaign) {
        return GoldenEvents.fresh(
                EventType.LEAD_ERASED, Map.of("leadId", leadId, "campaign", campaign, "reason", "admin-request"));
    }

    private static List<dev.faro.contract.EventEnvelope> issuedEvents(UUID leadId) {
        return kafka().events(Topics.INCENTIVES.name(), leadId.toString()).stream()
                .filter(e -> e.eventType() == EventType.INCENTIVE_ISSUED)
                .toList();
    }

    private static TestKafka kafka() {
        return new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    }
}
