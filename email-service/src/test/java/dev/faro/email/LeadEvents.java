package dev.faro.email;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.local.testing.GoldenEvents;
import java.util.Map;
import java.util.UUID;

/** The events email-service consumes, built from the contract's golden examples for one test lead. */
public record LeadEvents(UUID leadId, String email) {

    /** A lead nobody else uses, with an address only this test's mail goes to. */
    public static LeadEvents fresh() {
        UUID leadId = UUID.randomUUID();
        return new LeadEvents(leadId, "lead-" + leadId + "@example.org");
    }

    public String key() {
        return leadId.toString();
    }

    public EventEnvelope captured(String name, String locale) {
        return GoldenEvents.fresh(
                EventType.LEAD_CAPTURED, Map.of("leadId", leadId, "email", email, "name", name, "locale", locale));
    }

    /** The golden IncentiveIssued (10 %, with its ebook) for this lead, carrying {@code code}. */
    public EventEnvelope incentiveIssued(String code) {
        return GoldenEvents.fresh(
                EventType.INCENTIVE_ISSUED, Map.of("incentiveId", UUID.randomUUID(), "leadId", leadId, "code", code));
    }
}
