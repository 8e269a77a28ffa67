package dev.faro.bench.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.LeadCaptured;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BacklogEventsTest {

    @Test
    void everyCopyIsAValidLeadCapturedWithItsOwnEventAndLeadId() {
        BacklogEvents events = BacklogEvents.fromGoldenExample();

        BacklogEvents.Event first = events.next();
        BacklogEvents.Event second = events.next();

        EventEnvelope envelope = EventCodec.instance().decode(first.payload());
        LeadCaptured lead = EventCodec.instance().data(envelope, LeadCaptured.class);
        assertThat(envelope.eventType()).isEqualTo(EventType.LEAD_CAPTURED);
        assertThat(envelope.id()).isEqualTo(first.eventId());
        assertThat(envelope.subject()).isEqualTo(first.leadId().toString());
        assertThat(lead.leadId()).isEqualTo(first.leadId());
        assertThat(second.eventId()).isNotEqualTo(first.eventId());
        assertThat(second.leadId()).isNotEqualTo(first.leadId());
    }

    @Test
    void copiesKeepTheTemplatesSize() {
        String template = EventCodec.instance().goldenExample(EventType.LEAD_CAPTURED);
        String compact = EventCodec.instance().encode(EventCodec.instance().decode(template));
        BacklogEvents events = BacklogEvents.fromEnvelope(compact);

        assertThat(events.payloadBytes()).isEqualTo(compact.getBytes(StandardCharsets.UTF_8).length);
        assertThat(events.next().payload()).hasSize(compact.length());
    }

    @Test
    void refusesAnotherEventTypeAsTemplate() {
        String visit = EventCodec.instance().goldenExample(EventType.VISIT_RECORDED);

        assertThatThrownBy(() -> BacklogEvents.fromEnvelope(visit)).isInstanceOf(IllegalArgumentException.class);
    }
}
