package dev.faro.analytics.funnel;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import java.util.Map;
import java.util.UUID;

/** The events one lead produces on its way through the funnel, built from the golden examples. */
record LeadJourney(String leadId, EventEnvelope captured, EventEnvelope incentiveIssued, EventEnvelope emailSent) {

    static LeadJourney of(String campaign) {
        String leadId = UUID.randomUUID().toString();
        Map<String, Object> lead = Map.of("campaign", campaign, "leadId", leadId);
        return new LeadJourney(
                leadId,
                GoldenEvents.fresh(EventType.LEAD_CAPTURED, lead),
                GoldenEvents.fresh(
                        EventType.INCENTIVE_ISSUED,
                        Map.of(
                                "campaign",
                                campaign,
                                "leadId",
                                leadId,
                                "incentiveId",
                                UUID.randomUUID().toString())),
                GoldenEvents.fresh(EventType.EMAIL_SENT, lead));
    }

    /** Publishes the journey as the producers' outbox relays would, keyed by lead id. */
    void publishTo(TestKafka kafka) {
        kafka.publish(leadId, captured);
        kafka.publish(leadId, incentiveIssued);
        kafka.publish(leadId, emailSent);
    }
}
