package dev.faro.bench.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Copies of one real {@code LeadCaptured} envelope, each with its own event and lead id, so the backlog's rows
 * have the size and shape lead-service writes. They go to a scratch topic no service reads (see
 * {@link BacklogDrain}), so nothing acts on these leads.
 */
final class BacklogEvents {

    /** One outbox row's worth: the ids and the encoded envelope. */
    record Event(UUID eventId, UUID leadId, String payload) {}

    private final ObjectNode template;

    private BacklogEvents(ObjectNode template) {
        this.template = template;
    }

    /** From an encoded LeadCaptured envelope, as found in {@code outbox_event.payload}. */
    static BacklogEvents fromEnvelope(String payload) {
        JsonNode envelope;
        try {
            envelope = EventCodec.instance().mapper().readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!EventType.LEAD_CAPTURED
                        .cloudEventType()
                        .equals(envelope.path("type").asText())
                || !(envelope instanceof ObjectNode object)
                || !(envelope.path("data") instanceof ObjectNode)) {
            throw new IllegalArgumentException("not a LeadCaptured envelope");
        }
        return new BacklogEvents(object);
    }

    /** The contract's golden example, when the stack has no real LeadCaptured row to copy yet. */
    static BacklogEvents fromGoldenExample() {
        return fromEnvelope(EventCodec.instance().goldenExample(EventType.LEAD_CAPTURED));
    }

    Event next() {
        UUID eventId = UUID.randomUUID();
        UUID leadId = UUID.randomUUID();
        ObjectNode copy = template.deepCopy();
        copy.put("id", eventId.toString());
        copy.put("subject", leadId.toString());
        ((ObjectNode) copy.get("data")).put("leadId", leadId.toString());
        try {
            return new Event(eventId, leadId, EventCodec.instance().mapper().writeValueAsString(copy));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The size in bytes every copy has (UUIDs have a fixed length), for the producer baseline's record size. */
    int payloadBytes() {
        return next().payload().getBytes(StandardCharsets.UTF_8).length;
    }
}
