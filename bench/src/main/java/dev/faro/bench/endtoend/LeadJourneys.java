package dev.faro.bench.endtoend;

import dev.faro.bench.pipeline.EventListener;
import dev.faro.contract.EventType;
import dev.faro.local.infra.InboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts together each measured lead's stamps from the load, lead-service's ids, the events on Kafka and the inbox. */
final class LeadJourneys {

    private LeadJourneys() {}

    /**
     * @param sentAt each lead's address (lower case) and when its capture request was sent
     * @param leadIds lead-service's id for each address that has a lead
     * @param arrivals the {@code LeadCaptured} and {@code IncentiveIssued} events seen, keyed by lead id
     * @param inbox the sink's messages
     * @param stamps when incentive- and email-service began their work on each lead
     * @return one journey per address of {@code sentAt}, in address order
     */
    static List<LeadJourney> assemble(
            Map<String, Instant> sentAt,
            Map<String, String> leadIds,
            List<EventListener.Arrival> arrivals,
            List<InboxMessage> inbox,
            ServiceStamps stamps) {
        Map<String, Long> captured = firstByKey(arrivals, EventType.LEAD_CAPTURED);
        Map<String, Long> issued = firstByKey(arrivals, EventType.INCENTIVE_ISSUED);
        Map<String, Instant> accepted = DeliveryLatencies.firstReceived(sentAt.keySet(), inbox);
        List<LeadJourney> journeys = new ArrayList<>();
        new TreeMap<>(sentAt).forEach((address, sent) -> {
            String leadId = leadIds.get(address);
            Instant smtp = accepted.get(address);
            journeys.add(new LeadJourney(
                    address,
                    leadId,
                    EventListener.epochMicros(sent),
                    leadId == null ? null : captured.get(leadId),
                    leadId == null ? null : issued.get(leadId),
                    smtp == null ? null : EventListener.epochMicros(smtp),
                    leadId == null ? null : stamps.incentiveStartedByLead().get(leadId),
                    leadId == null ? null : stamps.emailQueuedByLead().get(leadId)));
        });
        return journeys;
    }

    /** The earliest record timestamp of one event type per record key: a redelivery is not the first arrival. */
    private static Map<String, Long> firstByKey(List<EventListener.Arrival> arrivals, EventType type) {
        Map<String, Long> first = new HashMap<>();
        for (EventListener.Arrival arrival : arrivals) {
            if (arrival.type() == type && arrival.key() != null) {
                first.merge(arrival.key(), arrival.recordTimestampMicros(), Math::min);
            }
        }
        return first;
    }
}
