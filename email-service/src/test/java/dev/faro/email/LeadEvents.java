package dev.faro.email;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.LeadKeyIssued;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestPrivacy;
import java.time.Instant;
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

    /** The golden IncentiveIssued for this lead: incentive {@code incentiveId} carrying {@code code}, in {@code campaign}. */
    public EventEnvelope incentiveIssued(UUID incentiveId, String code, String campaign) {
        return GoldenEvents.fresh(
                EventType.INCENTIVE_ISSUED,
                Map.of("incentiveId", incentiveId, "leadId", leadId, "code", code, "campaign", campaign));
    }

    /** Incentive-service's notice that the lead's incentive {@code incentiveId} expires at {@code expiresAt}. */
    public EventEnvelope incentiveExpiring(UUID incentiveId, Instant expiresAt) {
        return GoldenEvents.fresh(
                EventType.INCENTIVE_EXPIRING,
                Map.of("incentiveId", incentiveId, "leadId", leadId, "expiresAt", expiresAt.toString()));
    }

    /** A shop's report that the lead used incentive {@code incentiveId}. */
    public EventEnvelope incentiveRedeemed(UUID incentiveId) {
        return GoldenEvents.fresh(EventType.INCENTIVE_REDEEMED, Map.of("incentiveId", incentiveId, "leadId", leadId));
    }

    /** The lead's LeadCaptured, with marketing consent refused. */
    public EventEnvelope capturedWithoutMarketingConsent(String name, String locale) {
        EventEnvelope captured = captured(name, locale);
        ((ObjectNode) captured.data())
                .set(
                        "consent",
                        EventCodec.instance()
                                .mapper()
                                .valueToTree(Map.of(
                                        "marketing",
                                        false,
                                        "textVersion",
                                        "sha256:9f2c5a0e",
                                        "givenAt",
                                        Instant.now().toString())));
        return captured;
    }
}
