package dev.faro.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.faro.contract.UndeliverableEventException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Writes and reads Faro events. Reading checks everything a consumer must trust before acting: JSON syntax,
 * the envelope, a known type and version, and the data against that version's JSON Schema. Anything that
 * fails here fails the same way on every retry, so it is reported as {@link UndeliverableEventException}.
 */
public final class EventCodec {

    private static final EventCodec INSTANCE = new EventCodec();

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Money travels as JSON numbers: read them as BigDecimal, exactly as written.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private final JsonSchemaFactory schemaFactory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private EventCodec() {}

    public static EventCodec instance() {
        return INSTANCE;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** A new event with a fresh id, stamped now (to the millisecond, as it is stored and sent). */
    public EventEnvelope newEvent(String source, String subject, Record data, Clock clock) {
        EventType type = EventType.of(data.getClass());
        int version = EventType.CURRENT_VERSION;
        return new EventEnvelope(
                EventEnvelope.SPEC_VERSION,
                UUID.randomUUID(),
                source,
                type.cloudEventType(),
                subject,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS),
                EventEnvelope.CONTENT_TYPE,
                type.dataSchemaUri(version),
                version,
                mapper.valueToTree(data));
    }

    public String encode(EventEnvelope event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    /** Parses and validates a record value; throws {@link UndeliverableEventException} if it can never be processed. */
    public EventEnvelope decode(String json) {
        if (json == null || json.isBlank()) {
            throw new UndeliverableEventException(Reason.UNPARSEABLE, "empty record value");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UndeliverableEventException(Reason.UNPARSEABLE, "not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new UndeliverableEventException(Reason.UNPARSEABLE, "not a JSON object");
        }
        String type = tree.path("type").asText("");
        EventType eventType = EventType.fromCloudEventType(type)
                .orElseThrow(() -> new UndeliverableEventException(Reason.UNKNOWN_TYPE, "unknown type '" + type + "'"));
        int version = tree.path("schemaversion").asInt(-1);
        if (version != EventType.CURRENT_VERSION) {
            throw new UndeliverableEventException(
                    Reason.UNSUPPORTED_VERSION,
                    type + " schema version " + tree.path("schemaversion") + " is not supported");
        }
        requireValid(schema("/dev/faro/contract/schemas/envelope.v1.json").validate(tree), "envelope");
        requireValid(schema(eventType.schemaResource(version)).validate(tree.get("data")), "data of " + type);
        try {
            return mapper.treeToValue(tree, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new UndeliverableEventException(Reason.SCHEMA_INVALID, e.getOriginalMessage());
        }
    }

    /**
     * Reads a record value that was validated when it was produced, for a replay of the log: it rejects what
     * {@link #decode} rejects for syntax, an unknown type or version, or an envelope without id or time, but skips
     * the JSON Schemas, which dominate the cost of reading.
     */
    public EventEnvelope decodeTrusted(String json) {
        if (json == null || json.isBlank()) {
            throw new UndeliverableEventException(Reason.UNPARSEABLE, "empty record value");
        }
        EventEnvelope event;
        try {
            event = mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new UndeliverableEventException(Reason.UNPARSEABLE, "not an event: " + e.getOriginalMessage());
        }
        if (event == null) {
            throw new UndeliverableEventException(Reason.UNPARSEABLE, "not a JSON object");
        }
        if (EventType.fromCloudEventType(event.type()).isEmpty()) {
            throw new UndeliverableEventException(Reason.UNKNOWN_TYPE, "unknown type '" + event.type() + "'");
        }
        if (event.schemaversion() != EventType.CURRENT_VERSION) {
            throw new UndeliverableEventException(
                    Reason.UNSUPPORTED_VERSION,
                    event.type() + " schema version " + event.schemaversion() + " is not supported");
        }
        if (event.id() == null || event.time() == null || event.data() == null) {
            throw new UndeliverableEventException(Reason.SCHEMA_INVALID, "envelope without id, time or data");
        }
        return event;
    }

    /** The data of an event as its Java record. */
    public <T extends Record> T data(EventEnvelope event, Class<T> dataClass) {
        try {
            return mapper.treeToValue(event.data(), dataClass);
        } catch (JsonProcessingException e) {
            throw new UndeliverableEventException(Reason.SCHEMA_INVALID, e.getOriginalMessage());
        }
    }

    /** Schema violations of a data document against the current version of its event's schema (empty when valid). */
    public Set<String> violations(EventType type, JsonNode data) {
        return schema(type.schemaResource(EventType.CURRENT_VERSION)).validate(data).stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The golden example of an event type: the document producer and consumer tests both read. */
    public String goldenExample(EventType type) {
        return resource(type.exampleResource(EventType.CURRENT_VERSION));
    }

    private static void requireValid(Set<ValidationMessage> messages, String what) {
        if (!messages.isEmpty()) {
            String detail = messages.stream()
                    .map(ValidationMessage::getMessage)
                    .sorted()
                    .collect(Collectors.joining("; "));
            throw new UndeliverableEventException(Reason.SCHEMA_INVALID, what + ": " + detail);
        }
    }

    private JsonSchema schema(String resource) {
        return schemas.computeIfAbsent(resource, r -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return schemaFactory.getSchema(resource(r), config);
        });
    }

    private static String resource(String path) {
        try (InputStream in = EventCodec.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing contract resource " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
