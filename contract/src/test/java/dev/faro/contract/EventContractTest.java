package dev.faro.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faro.contract.UndeliverableEventException.Reason;
import dev.faro.contract.events.LeadCaptured;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventContractTest {

    private final EventCodec codec = EventCodec.instance();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenExampleIsValidAndRoundTripsThroughItsRecord(EventType type) throws Exception {
        EventEnvelope event = codec.decode(codec.goldenExample(type));

        assertThat(event.eventType()).isEqualTo(type);
        assertThat(event.dataschema()).isEqualTo(type.dataSchemaUri(1));
        Record data = codec.data(event, type.dataClass());
        JsonNode rewritten = codec.mapper().valueToTree(data);
        assertThat(rewritten.toString()).isEqualTo(event.data().toString());
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTravelsOnADeclaredTopic(EventType type) {
        assertThat(Topics.all()).contains(type.topic());
    }

    @Test
    void everyTopicHasMoreThanOnePartitionAndAnExplicitCleanupPolicy() {
        assertThat(Topics.all()).allSatisfy(topic -> {
            assertThat(topic.partitions()).isGreaterThan(1);
            assertThat(topic.config()).containsKey("cleanup.policy");
        });
        assertThat(Topics.CAMPAIGNS.compacted()).isTrue();
        assertThat(Topics.LEADS.config()).containsEntry("retention.ms", "-1");
    }

    @Test
    void newEventValidatesAgainstItsOwnSchema() {
        LeadCaptured example =
                codec.data(codec.decode(codec.goldenExample(EventType.LEAD_CAPTURED)), LeadCaptured.class);

        EventEnvelope event = codec.newEvent("/faro/test", example.leadId().toString(), example, Clock.systemUTC());

        assertThat(codec.decode(codec.encode(event)).id()).isEqualTo(event.id());
    }

    @Test
    void garbageIsUnparseable() {
        assertThatThrownBy(() -> codec.decode("{not json"))
                .isInstanceOfSatisfying(UndeliverableEventException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.UNPARSEABLE));
        assertThatThrownBy(() -> codec.decode("[1,2]"))
                .isInstanceOfSatisfying(UndeliverableEventException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.UNPARSEABLE));
    }

    @Test
    void unknownTypeAndVersionAreRejected() {
        ObjectNode unknownType = golden(EventType.LEAD_CAPTURED);
        unknownType.put("type", "dev.faro.lead.teleported");
        ObjectNode futureVersion = golden(EventType.LEAD_CAPTURED);
        futureVersion.put("schemaversion", 2);

        assertThatThrownBy(() -> codec.decode(unknownType.toString()))
                .isInstanceOfSatisfying(UndeliverableEventException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.UNKNOWN_TYPE));
        assertThatThrownBy(() -> codec.decode(futureVersion.toString()))
                .isInstanceOfSatisfying(UndeliverableEventException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.UNSUPPORTED_VERSION));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aTrustedReadOfAValidEventGivesWhatTheValidatingReadGives(EventType type) {
        String golden = codec.goldenExample(type);

        assertThat(codec.decodeTrusted(golden)).isEqualTo(codec.decode(golden));
    }

    @Test
    void aTrustedReadRejectsWhatItCannotReadForTheSameReasons() {
        ObjectNode unknownType = golden(EventType.LEAD_CAPTURED);
        unknownType.put("type", "dev.faro.lead.teleported");
        ObjectNode futureVersion = golden(EventType.LEAD_CAPTURED);
        futureVersion.put("schemaversion", 2);
        ObjectNode withoutId = golden(EventType.LEAD_CAPTURED);
        withoutId.remove("id");

        assertThat(reasonOfTrustedRead("{not json")).isEqualTo(Reason.UNPARSEABLE);
        assertThat(reasonOfTrustedRead("")).isEqualTo(Reason.UNPARSEABLE);
        assertThat(reasonOfTrustedRead(unknownType.toString())).isEqualTo(Reason.UNKNOWN_TYPE);
        assertThat(reasonOfTrustedRead(futureVersion.toString())).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(reasonOfTrustedRead(withoutId.toString())).isEqualTo(Reason.SCHEMA_INVALID);
    }

    private Reason reasonOfTrustedRead(String value) {
        try {
            codec.decodeTrusted(value);
        } catch (UndeliverableEventException e) {
            return e.reason();
        }
        throw new AssertionError("read without complaint: " + value);
    }

    @Test
    void dataThatBreaksTheSchemaIsRejectedNamingTheField() {
        ObjectNode event = golden(EventType.LEAD_CAPTURED);
        ((ObjectNode) event.get("data")).put("email", "not-an-address");

        assertThatThrownBy(() -> codec.decode(event.toString()))
                .isInstanceOfSatisfying(UndeliverableEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SCHEMA_INVALID);
                    assertThat(e.getMessage()).contains("email");
                });
    }

    private ObjectNode golden(EventType type) {
        try {
            return (ObjectNode) codec.mapper().readTree(codec.goldenExample(type));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
