package dev.faro.email.unsubscribe;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.email.LeadEvents;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the suppression tests need beyond {@link LeadEvents}: several leads sharing one address (the list is keyed
 * by address), leads of other campaigns, leads without marketing consent, and the events email-service publishes.
 */
final class CampaignLeads {

    static final String DEMO = "demo";

    private final TestKafka kafka;

    CampaignLeads(TestKafka kafka) {
        this.kafka = kafka;
    }

    /** A new lead (new id, new data key) that signed up with {@code lead}'s address. */
    static LeadEvents sameAddressAs(LeadEvents lead) {
        return new LeadEvents(UUID.randomUUID(), lead.email(), LeadSeal.newDataKey());
    }

    /** Captures the lead for {@code campaign}, then issues its incentive: the incentive email becomes due. */
    void captureWithIncentive(LeadEvents lead, String campaign, String locale, boolean marketingConsent) {
        Map<String, Object> captured = new HashMap<>();
        captured.put("leadId", lead.leadId());
        captured.put("campaign", campaign);
        captured.put("locale", locale);
        captured.put("personal", LeadSeal.seal(lead.dataKey(), lead.leadId(), personal(lead, "Lucía García")));
        captured.put("consent", consent(marketingConsent));
        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(lead.key(), GoldenEvents.fresh(EventType.LEAD_CAPTURED, captured));
        kafka.publish(
                lead.key(),
                GoldenEvents.fresh(
                        EventType.INCENTIVE_ISSUED,
                        Map.of(
                                "incentiveId",
                                UUID.randomUUID(),
                                "leadId",
                                lead.leadId(),
                                "campaign",
                                campaign,
                                "code",
                                "CODE-" + lead.leadId())));
    }

    /** A lead of a double opt-in campaign asked to confirm its address: a transactional email becomes due. */
    void captureAwaitingConfirmation(LeadEvents lead, String confirmationUrl) {
        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(
                lead.key(),
                GoldenEvents.fresh(
                        EventType.LEAD_CAPTURED,
                        Map.of(
                                "leadId", lead.leadId(),
                                "personal", LeadSeal.seal(lead.dataKey(), lead.leadId(), personal(lead, "Ada")),
                                "locale", "en",
                                "consent", consent(false),
                                "confirmationRequired", true)));
        kafka.publish(
                lead.key(),
                GoldenEvents.fresh(
                        EventType.CONFIRMATION_REQUESTED,
                        Map.of(
                                "leadId", lead.leadId(),
                                "locale", "en",
                                "attempt", 1,
                                "expiresAt",
                                        Instant.now()
                                                .plus(7, ChronoUnit.DAYS)
                                                .truncatedTo(ChronoUnit.SECONDS)
                                                .toString(),
                                "link",
                                        LeadSeal.seal(
                                                lead.dataKey(),
                                                lead.leadId(),
                                                new ConfirmationLink(confirmationUrl)))));
    }

    /** What email-service published about the lead on faro.emails, of one type. */
    List<EventEnvelope> emailEvents(LeadEvents lead, EventType type) {
        return kafka.events(Topics.EMAILS.name(), lead.key()).stream()
                .filter(event -> event.eventType() == type)
                .toList();
    }

    private static PersonalData personal(LeadEvents lead, String name) {
        return new PersonalData(lead.email(), name, null, null, null, null, Map.of());
    }

    private static Map<String, Object> consent(boolean marketing) {
        return Map.of(
                "marketing",
                marketing,
                "textVersion",
                "sha256:9f2c5a0e",
                "givenAt",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
