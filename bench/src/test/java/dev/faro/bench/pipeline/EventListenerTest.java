package dev.faro.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.contract.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventListenerTest {

    private static final Map<String, EventType> LISTENED = Map.of(
            EventType.LEAD_CAPTURED.cloudEventType(), EventType.LEAD_CAPTURED,
            EventType.INCENTIVE_ISSUED.cloudEventType(), EventType.INCENTIVE_ISSUED);

    private static ConsumerRecord<byte[], byte[]> record(String key, long timestampMillis, String type, String id) {
        RecordHeaders headers = new RecordHeaders();
        if (type != null) {
            headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        if (id != null) {
            headers.add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(
                "faro.incentives",
                2,
                41L,
                timestampMillis,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                new byte[0],
                headers,
                Optional.empty());
    }

    @Test
    void anEventOfAListenedTypeArrivesWithItsIdKeyAndRecordTimestampInMicros() {
        UUID eventId = UUID.randomUUID();
        String leadId = UUID.randomUUID().toString();

        Optional<EventListener.Arrival> arrival = EventListener.arrival(
                record(leadId, 1_764_154_800_123L, EventType.INCENTIVE_ISSUED.cloudEventType(), eventId.toString()),
                LISTENED,
                1_764_154_800_200_456L);

        assertThat(arrival)
                .contains(new EventListener.Arrival(
                        EventType.INCENTIVE_ISSUED, eventId, leadId, 1_764_154_800_123_000L, 1_764_154_800_200_456L));
    }

    @Test
    void otherTypesAndRecordsWithoutCloudEventHeadersAreSkipped() {
        String id = UUID.randomUUID().toString();

        assertThat(EventListener.arrival(
                        record("k", 1, EventType.INCENTIVE_REDEEMED.cloudEventType(), id), LISTENED, 2))
                .isEmpty();
        assertThat(EventListener.arrival(record("k", 1, null, id), LISTENED, 2)).isEmpty();
        assertThat(EventListener.arrival(record("k", 1, EventType.LEAD_CAPTURED.cloudEventType(), null), LISTENED, 2))
                .isEmpty();
    }

    @Test
    void epochMicrosKeepsMicroseconds() {
        assertThat(EventListener.epochMicros(Instant.parse("2026-11-26T11:00:00.123456789Z")))
                .isEqualTo(1_795_690_800_123_456L);
    }
}
