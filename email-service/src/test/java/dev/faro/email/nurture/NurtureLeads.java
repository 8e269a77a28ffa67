package dev.faro.email.nurture;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.email.LeadEvents;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The lead events the nurture tests publish: leads of any campaign, with or without consent or double opt-in. */
final class NurtureLeads {

    static final String NAME = "Begoña Núñez";

    private final TestKafka kafka;

    NurtureLeads(TestKafka kafka) {
        this.kafka = kafka;
    }

    /** A new campaign id, so a test's sequence is its own. */
    static String freshCampaign() {
        return "nurture-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes the lead's key, then a Spanish LeadCaptured of {@code campaign}. */
    void capture(LeadEvents lead, String campaign, boolean marketingConsent, boolean confirmationRequired) {
        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(lead.key(), captured(lead, campaign, marketingConsent, confirmationRequired));
    }

    /** Publishes the lead's key, then a LeadCaptured of {@code campaign} in {@code locale}, with marketing consent. */
    void capture(LeadEvents lead, String campaign, String locale) {
        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(lead.key(), captured(lead, campaign, true, false, locale));
    }

    EventEnvelope captured(LeadEvents lead, String campaign, boolean marketingConsent, boolean confirmationRequired) {
        return captured(lead, campaign, marketingConsent, confirmationRequired, "es");
    }

    private EventEnvelope captured(
            LeadEvents lead, String campaign, boolean marketingConsent, boolean confirmationRequired, String locale) {
        Map<String, Object> data = new HashMap<>();
        data.put("leadId", lead.leadId());
        data.put("campaign", campaign);
        data.put("locale", locale);
        data.put(
                "personal",
                LeadSeal.seal(
                        lead.dataKey(),
                        lead.leadId(),
                        new PersonalData(lead.email(), NAME, null, null, null, null, Map.of())));
        data.put(
                "consent",
                Map.of(
                        "marketing",
                        marketingConsent,
                        "textVersion",
                        "sha256:9f2c5a0e",
                        "givenAt",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        data.put("confirmationRequired", confirmationRequired);
        return GoldenEvents.fresh(EventType.LEAD_CAPTURED, data);
    }

    void confirm(LeadEvents lead, String campaign) {
        kafka.publish(
                lead.key(),
                GoldenEvents.fresh(EventType.LEAD_CONFIRMED, Map.of("leadId", lead.leadId(), "campaign", campaign)));
    }

    void redeem(LeadEvents lead, String campaign) {
        kafka.publish(
                lead.key(),
                GoldenEvents.fresh(
                        EventType.INCENTIVE_REDEEMED,
                        Map.of("incentiveId", UUID.randomUUID(), "leadId", lead.leadId(), "campaign", campaign)));
    }

    /** The nurture Message-ID of step {@code step} to the lead. */
    static String messageId(LeadEvents lead, int step) {
        return "<nurture." + step + "." + lead.leadId() + "@faro.local>";
    }
}
