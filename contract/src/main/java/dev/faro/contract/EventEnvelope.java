package dev.faro.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A Faro event as it travels on Kafka: a CloudEvents 1.0 document in structured mode, with the
 * {@code schemaversion} extension attribute. The id is fixed when the event is first recorded, so a
 * republish carries the same id and consumers can drop the copy.
 */
public record EventEnvelope(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        int schemaversion,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** Kafka header holding the structured-mode content type. */
    public static final String CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public EventType eventType() {
        return EventType.fromCloudEventType(type)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + type));
    }
}
