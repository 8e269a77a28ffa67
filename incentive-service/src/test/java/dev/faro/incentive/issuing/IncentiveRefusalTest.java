package dev.faro.incentive.issuing;

import static dev.faro.incentive.offer.OfferApi.created;
import static dev.faro.incentive.offer.OfferApi.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.incentive.issuing.IncentiveRows.StoredRefusal;
import dev.faro.incentive.offer.OfferApi;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.campaign.CampaignViews;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every rule that leaves a lead without an incentive leaves a refusal naming it, so the lead is not taken as lost. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class IncentiveRefusalTest {

    @Inject
    IncentiveRows rows;

    @Inject
    IncentiveIssuer issuer;

    @Inject
    CampaignViews campaigns;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void aSpentBudgetIsRecordedWithTheOfferSelected() {
        String campaign = knownCampaign("spent");
        created(offer(campaign + "-main", campaign, "free-shipping", Map.of("budget", 0)));
        UUID leadId = UUID.randomUUID();

        assertThat(issue(leadId, campaign)).isFalse();

        assertThat(rows.refusalsOf(leadId))
                .containsExactly(new StoredRefusal(campaign, campaign + "-main", OfferGrants.BUDGET_EXHAUSTED));
        assertThat(rows.countFor(leadId)).isZero();
    }

    @Test
    void anExpiredOfferIsRecorded() {
        String campaign = knownCampaign("expired");
        created(offer(campaign + "-main", campaign, "percent-discount", Map.of("discountPercent", 20)));
        rows.expire(campaign + "-main");
        UUID leadId = UUID.randomUUID();

        assertThat(issue(leadId, campaign)).isFalse();

        assertThat(rows.refusalsOf(leadId))
                .containsExactly(new StoredRefusal(campaign, campaign + "-main", OfferGrants.EXPIRED));
    }

    @Test
    void aCodePoolWithoutCodesIsRecorded() {
        String campaign = knownCampaign("pool");
        created(offer(
                campaign + "-main",
                campaign,
                "percent-discount",
                Map.of("discountPercent", 20, "codePoolId", campaign + "-no-such-pool")));
        UUID leadId = UUID.randomUUID();

        assertThat(issue(leadId, campaign)).isFalse();

        assertThat(rows.refusalsOf(leadId))
                .containsExactly(new StoredRefusal(campaign, campaign + "-main", OfferGrants.CODE_POOL_EXHAUSTED));
    }

    @Test
    void aFallbackChainLongerThanTheIssuerFollowsIsRecorded() {
        String campaign = knownCampaign("chain");
        int length = OfferGrants.MAX_CHAIN + 1;
        for (int i = length - 1; i >= 0; i--) {
            Map<String, Object> fields = new HashMap<>(Map.of("budget", 0));
            if (i < length - 1) {
                fields.put("fallbackOfferId", campaign + "-" + (i + 1));
            }
            created(offer(campaign + "-" + i, campaign, "free-shipping", fields));
        }
        UUID leadId = UUID.randomUUID();

        assertThat(issue(leadId, campaign)).isFalse();

        assertThat(rows.refusalsOf(leadId))
                .containsExactly(new StoredRefusal(campaign, campaign + "-0", OfferGrants.FALLBACK_CHAIN_TOO_LONG));
    }

    @Test
    void aLeadRefusedAndIssuedLaterKeepsOnlyItsIncentive() {
        String campaign = knownCampaign("raised");
        Map<String, Object> spent = offer(campaign + "-main", campaign, "free-shipping", Map.of("budget", 0));
        created(spent);
        UUID leadId = UUID.randomUUID();
        assertThat(issue(leadId, campaign)).isFalse();
        assertThat(issue(leadId, campaign)).as("refused again").isFalse();
        assertThat(rows.refusalsOf(leadId)).hasSize(1);

        Map<String, Object> raised = new HashMap<>(spent);
        raised.put("budget", 1);
        OfferApi.replace(campaign + "-main", raised).statusCode(200);

        assertThat(issue(leadId, campaign)).isTrue();
        assertThat(rows.countFor(leadId)).isEqualTo(1);
        assertThat(rows.refusalsOf(leadId)).isEmpty();
    }

    @Test
    void aCampaignWithoutAnOfferGivesTheDefaultAndRecordsNoRefusal() {
        String campaign = knownCampaign("default");
        UUID leadId = UUID.randomUUID();

        assertThat(issue(leadId, campaign)).isTrue();

        assertThat(rows.countByOffer(campaign)).isEqualTo(Map.of("default", 1L));
        assertThat(rows.refusalsOf(leadId)).isEmpty();
    }

    private boolean issue(UUID leadId, String campaign) {
        return QuarkusTransaction.requiringNew().call(() -> issuer.issue(leadId, campaign, null));
    }

    /** A campaign of its own, known to the issuer before the test issues for it. */
    private String knownCampaign(String prefix) {
        String campaign = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        new TestKafka(kafkaBootstrap).publish(campaign, GoldenEvents.campaign(campaign));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> campaigns.find(campaign).isPresent()));
        return campaign;
    }
}
