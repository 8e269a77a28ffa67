package dev.faro.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh events built from the contract's golden examples, so consumer tests feed exactly the documents the
 * producer tests check against: a new event id and time, with selected data fields replaced.
 */
public final class GoldenEvents {

    private GoldenEvents() {}

    /** The golden example of {@code type} with a new id, stamped now, with {@code overrides} applied to its data. */
    public static EventEnvelope fresh(EventType type, Map<String, Object> overrides) {
        EventCodec codec = EventCodec.instance();
        EventEnvelope golden = codec.decode(codec.goldenExample(type));
        ObjectNode data = golden.data().deepCopy();
        overrides.forEach((field, value) -> data.set(field, codec.mapper().valueToTree(value)));
        String subject = subjectOf(type, data, golden.subject());
        return new EventEnvelope(
                golden.specversion(),
                UUID.randomUUID(),
                golden.source(),
                golden.type(),
                subject,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                golden.datacontenttype(),
                golden.dataschema(),
                golden.schemaversion(),
                data);
    }

    /**
     * The golden CampaignChanged for campaign {@code id} at revision 1: what a consumer test publishes so the
     * service knows the campaign its lead events name (consumers wait for a campaign they have not heard of).
     */
    public static EventEnvelope campaign(String id) {
        return fresh(EventType.CAMPAIGN_CHANGED, Map.of("campaign", id, "revision", 1));
    }

    private static String subjectOf(EventType type, JsonNode data, String fallback) {
        for (String field : new String[] {"leadId", "visitorId", "campaign"}) {
            if (data.hasNonNull(field)) {
                return data.get(field).asText();
            }
        }
        return fallback;
    }
}
