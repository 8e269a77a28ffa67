package dev.faro.incentive.issuing;

import static dev.faro.incentive.offer.OfferApi.created;
import static dev.faro.incentive.offer.OfferApi.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.incentive.code.DiscountCodes;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class OfferIssuingTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

    @Inject
    IncentiveRows rows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void leadOfAVariantWithAnOfferGetsItAndOtherVariantsGetTheCampaignWideOffer() {
        String campaign = knownCampaign("ab");
        created(offer(campaign + "-wide", campaign, "percent-discount", Map.of("discountPercent", 15)));
        created(offer(campaign + "-b", campaign, "free-shipping", Map.of("variant", "b")));
        UUID leadOfA = UUID.randomUUID();
        UUID leadOfB = UUID.randomUUID();

        kafka().publish(leadOfA.toString(), leadCaptured(leadOfA, campaign, "a", false));
        kafka().publish(leadOfB.toString(), leadCaptured(leadOfB, campaign, "b", false));

        IncentiveIssued ofA = awaitSingleIncentive(leadOfA);
        assertThat(ofA.offerId()).isEqualTo(campaign + "-wide");
        assertThat(ofA.discountPercent()).isEqualTo(15);
        IncentiveIssued ofB = awaitSingleIncentive(leadOfB);
        assertThat(ofB.offerId()).isEqualTo(campaign + "-b");
        assertThat(ofB.kind()).isEqualTo(IncentiveIssued.FREE_SHIPPING);
        assertThat(ofB.discountPercent()).isNull();
        assertThat(DiscountCodes.isWellFormed(ofB.code())).as(ofB.code()).isTrue();
    }

    @Test
    void leadAwaitingDoubleOptInGetsTheOfferOfTheVariantItWasCapturedUnder() {
        String campaign = knownCampaign("doi");
        created(offer(campaign + "-wide", campaign, "percent-discount", Map.of("discountPercent", 15)));
        created(offer(campaign + "-b", campaign, "free-trial", Map.of("variant", "b", "trialDays", 14)));
        UUID leadId = UUID.randomUUID();

        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign, "b", true));
        kafka().publish(
                        leadId.toString(),
                        GoldenEvents.fresh(EventType.LEAD_CONFIRMED, Map.of("leadId", leadId, "campaign", campaign)));

        IncentiveIssued issued = awaitSingleIncentive(leadId);
        assertThat(issued.offerId()).isEqualTo(campaign + "-b");
        assertThat(issued.trialDays()).isEqualTo(14);
    }

    @Test
    void aVariantNoOfferCanNameGetsTheCampaignWideOfferWhateverTheFormSent() {
        String campaign = knownCampaign("hostile");
        created(offer(campaign + "-wide", campaign, "percent-discount", Map.of("discountPercent", 15)));
        created(offer(campaign + "-b", campaign, "free-shipping", Map.of("variant", "b")));
        // What lead-service lets a form send: 64 characters of plain text, markup and SQL included (the variant
        // column holds 63)...
        String markup =
                ("<script>alert(1)</script>'; drop table lead_attribution; --" + "x".repeat(64)).substring(0, 64);
        // ...and what only another producer could: a NUL, which PostgreSQL cannot compare.
        String nul = "b\u0000";
        UUID awaitingConfirmation = UUID.randomUUID();
        UUID confirmedAtOnce = UUID.randomUUID();

        kafka().publish(awaitingConfirmation.toString(), leadCaptured(awaitingConfirmation, campaign, markup, true));
        kafka().publish(
                        awaitingConfirmation.toString(),
                        GoldenEvents.fresh(
                                EventType.LEAD_CONFIRMED,
                                Map.of("leadId", awaitingConfirmation, "campaign", campaign)));
        kafka().publish(confirmedAtOnce.toString(), leadCaptured(confirmedAtOnce, campaign, nul, false));

        assertThat(awaitSingleIncentive(awaitingConfirmation).offerId()).isEqualTo(campaign + "-wide");
        assertThat(awaitSingleIncentive(confirmedAtOnce).offerId()).isEqualTo(campaign + "-wide");
    }

    @Test
    void theVariantOfALeadAwaitingConfirmationIsForgottenWhenTheLeadIsErased() {
        String campaign = knownCampaign("erase");
        UUID leadId = UUID.randomUUID();

        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign, "b", true));
        await().atMost(EVENT_TIMEOUT).until(() -> rows.attributionsOf(leadId) == 1);
        kafka().publish(
                        leadId.toString(),
                        GoldenEvents.fresh(EventType.LEAD_ERASED, Map.of("leadId", leadId, "campaign", campaign)));

        await().atMost(EVENT_TIMEOUT).until(() -> rows.attributionsOf(leadId) == 0);
    }

    @Test
    void campaignOfferRefChoosesAmongItsCampaignWideOffers() {
        String campaign = "ref-" + UUID.randomUUID().toString().substring(0, 8);
        created(offer(campaign + "-old", campaign, "free-shipping", Map.of()));
        created(offer(campaign + "-named", campaign, "contest-entry", Map.of()));
        kafka().publish(
                        campaign,
                        GoldenEvents.fresh(
                                EventType.CAMPAIGN_CHANGED,
                                Map.of("campaign", campaign, "revision", 1, "offerRef", campaign + "-named")));
        UUID leadId = UUID.randomUUID();

        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign, "a", false));

        assertThat(awaitSingleIncentive(leadId).offerId()).isEqualTo(campaign + "-named");
    }

    @Test
    void validUntilIsTheExpiryAndValidDaysCountFromTheIssue() {
        String campaign = knownCampaign("valid");
        Instant until = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> untilFields = new HashMap<>();
        untilFields.put("variant", "a");
        untilFields.put("validDays", null);
        untilFields.put("validUntil", until.toString());
        created(offer(campaign + "-until", campaign, "free-shipping", untilFields));
        created(offer(campaign + "-days", campaign, "free-shipping", Map.of("validDays", 7)));
        UUID leadOfA = UUID.randomUUID();
        UUID leadOfB = UUID.randomUUID();

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka().publish(leadOfA.toString(), leadCaptured(leadOfA, campaign, "a", false));
        kafka().publish(leadOfB.toString(), leadCaptured(leadOfB, campaign, "b", false));

        assertThat(awaitSingleIncentive(leadOfA).expiresAt()).isEqualTo(until);
        assertThat(awaitSingleIncentive(leadOfB).expiresAt())
                .isBetween(before.plus(7, ChronoUnit.DAYS), Instant.now().plus(7, ChronoUnit.DAYS));
    }

    @Test
    void everyKindIsIssuedAsAnEventTheContractAcceptsWithTheFieldsOfItsKind() {
        String campaign = knownCampaign("kinds");
        Map<String, Map<String, Object>> kinds = Map.of(
                "percent-discount", Map.of("discountPercent", 20, "content", ebook()),
                "fixed-discount", Map.of("discountAmount", new BigDecimal("5.50"), "currency", "EUR"),
                "free-shipping", Map.of(),
                "content", Map.of("content", ebook()),
                "free-trial", Map.of("trialDays", 14),
                "free-gift", Map.of("gift", "A <b>tote</b> bag"),
                "contest-entry", Map.of());
        Map<String, UUID> leads = new HashMap<>();
        kinds.forEach((kind, fields) -> {
            Map<String, Object> variantOffer = new HashMap<>(fields);
            variantOffer.put("variant", kind);
            created(offer(campaign + "-" + kind, campaign, kind, variantOffer));
            UUID leadId = UUID.randomUUID();
            leads.put(kind, leadId);
            kafka().publish(leadId.toString(), leadCaptured(leadId, campaign, kind, false));
        });

        leads.forEach((kind, leadId) -> {
            EventEnvelope event = awaitSingleEvent(leadId);
            assertThat(EventCodec.instance().violations(EventType.INCENTIVE_ISSUED, event.data()))
                    .as(kind)
                    .isEmpty();
            IncentiveIssued issued = EventCodec.instance().data(event, IncentiveIssued.class);
            assertThat(issued.kind()).isEqualTo(kind);
            assertThat(issued.offerId()).isEqualTo(campaign + "-" + kind);
            assertThat(issued.code() != null).as(kind + " carries a code").isEqualTo(!kind.equals("content"));
        });
        assertThat(issued(leads, "percent-discount").content().url()).contains("/api/content/");
        IncentiveIssued fixed = issued(leads, "fixed-discount");
        assertThat(fixed.discountAmount()).isEqualByComparingTo("5.50");
        assertThat(fixed.currency()).isEqualTo("EUR");
        assertThat(issued(leads, "content").content().title()).isEqualTo("Guía");
        assertThat(issued(leads, "free-trial").trialDays()).isEqualTo(14);
        assertThat(issued(leads, "free-gift").gift()).isEqualTo("A <b>tote</b> bag");
    }

    @Test
    void aSpentOfferFallsBackDownTheChain() {
        String campaign = knownCampaign("chain");
        created(offer(campaign + "-last", campaign, "free-gift", Map.of("gift", "Stickers")));
        created(offer(
                campaign + "-second",
                campaign,
                "free-shipping",
                Map.of("budget", 0, "fallbackOfferId", campaign + "-last")));
        created(offer(
                campaign + "-first",
                campaign,
                "percent-discount",
                Map.of("discountPercent", 30, "budget", 1, "fallbackOfferId", campaign + "-second", "variant", "a")));
        UUID firstLead = UUID.randomUUID();
        UUID secondLead = UUID.randomUUID();

        kafka().publish(firstLead.toString(), leadCaptured(firstLead, campaign, "a", false));
        assertThat(awaitSingleIncentive(firstLead).offerId()).isEqualTo(campaign + "-first");
        kafka().publish(secondLead.toString(), leadCaptured(secondLead, campaign, "a", false));

        IncentiveIssued fallback = awaitSingleIncentive(secondLead);
        assertThat(fallback.offerId()).isEqualTo(campaign + "-last");
        assertThat(fallback.gift()).isEqualTo("Stickers");
    }

    private IncentiveIssued issued(Map<String, UUID> leads, String kind) {
        return EventCodec.instance().data(awaitSingleEvent(leads.get(kind)), IncentiveIssued.class);
    }

    private static Map<String, Object> ebook() {
        return Map.of("title", "Guía", "ref", "desbloquea-el-poder-de-las-redes-sociales.pdf");
    }

    private String knownCampaign(String prefix) {
        String campaign = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        kafka().publish(campaign, GoldenEvents.campaign(campaign));
        return campaign;
    }

    static EventEnvelope leadCaptured(UUID leadId, String campaign, String variant, boolean confirmationRequired) {
        return GoldenEvents.fresh(
                EventType.LEAD_CAPTURED,
                Map.of(
                        "leadId", leadId,
                        "campaign", campaign,
                        "variant", variant,
                        "confirmationRequired", confirmationRequired));
    }

    private IncentiveIssued awaitSingleIncentive(UUID leadId) {
        return EventCodec.instance().data(awaitSingleEvent(leadId), IncentiveIssued.class);
    }

    private EventEnvelope awaitSingleEvent(UUID leadId) {
        List<EventEnvelope> events = new ArrayList<>();
        await("incentive of " + leadId).atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            events.clear();
            events.addAll(kafka().events(Topics.INCENTIVES.name(), leadId.toString()).stream()
                    .filter(e -> e.eventType() == EventType.INCENTIVE_ISSUED)
                    .toList());
            assertThat(events).hasSize(1);
        });
        return events.get(0);
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
