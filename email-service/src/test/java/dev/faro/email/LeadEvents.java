package dev.faro.email;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.LeadKeyIssued;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestPrivacy;
import java.util.Map;
import java.util.UUID;

/** The events email-service consumes, built from the contract's golden examples for one test lead. */
public record LeadEvents(UUID leadId, String email, byte[] dataKey) {

    /** A lead nobody else uses, with an address only this test's mail goes to, and a data key of its own. */
    public static LeadEvents fresh() {
        UUID leadId = UUID.randomUUID();
        return new LeadEvents(leadId, "lead-" + leadId + "@example.org", LeadSeal.newDataKey());
    }

    /** Publishes what lead-service publishes for a new lead: its data key, then its LeadCaptured. */
    public void captureOn(TestKafka kafka, String name, String locale) {
        kafka.publish(key(), keyIssued());
        kafka.publish(key(), captured(name, locale));
    }

    /** The lead's data key on faro.lead-keys, wrapped with the test profile's wrapping key. */
    public EventEnvelope keyIssued() {
        LeadKeyIssued issued = TestPrivacy.keyIssued(leadId, dataKey);
        return GoldenEvents.fresh(
                EventType.LEAD_KEY_ISSUED,
                Map.of("leadId", leadId, "wrappingKeyId", issued.wrappingKeyId(), "wrappedKey", issued.wrappedKey()));
    }

    public EventEnvelope keyDestroyed() {
        return GoldenEvents.fresh(EventType.LEAD_KEY_DESTROYED, Map.of("leadId", leadId));
    }

    public EventEnvelope erased() {
        return GoldenEvents.fresh(
                EventType.LEAD_ERASED, Map.of("leadId", leadId, "campaign", "demo", "reason", "admin-request"));
    }

    public String key() {
        return leadId.toString();
    }

    public EventEnvelope captured(String name, String locale) {
        PersonalData personal = new PersonalData(email, name, null, null, "203.0.113.0", "Mozilla/5.0", Map.of());
        return GoldenEvents.fresh(
                EventType.LEAD_CAPTURED,
                Map.of("leadId", leadId, "personal", LeadSeal.seal(dataKey, leadId, personal), "locale", locale));
    }

    /** The golden IncentiveIssued (10 %, with its ebook) for this lead, carrying {@code code}. */
    public EventEnvelope incentiveIssued(String code) {
        return GoldenEvents.fresh(
                EventType.INCENTIVE_ISSUED, Map.of("incentiveId", UUID.randomUUID(), "leadId", leadId, "code", code));
    }
}
