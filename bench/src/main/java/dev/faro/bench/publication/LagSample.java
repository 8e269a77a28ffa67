package dev.faro.bench.publication;

import java.util.UUID;

/**
 * When one event was committed in lead-service's database and when it reached Kafka, all in microseconds since the
 * epoch on this machine's clock (PostgreSQL and the benchmark share it).
 *
 * @param eventId the event's CloudEvents id, also the outbox row's {@code event_id}
 * @param committedMicros the commit time of the transaction that wrote the outbox row, or its best stand-in
 * @param recordTimestampMicros the Kafka record's timestamp: when the relay's producer handed it to send()
 * @param seenMicros when a consumer reading from the end of the topic received it
 */
public record LagSample(UUID eventId, long committedMicros, long recordTimestampMicros, long seenMicros) {

    /** From commit until a consumer has the record: what a downstream service waits at least. */
    public long commitToSeenMicros() {
        return seenMicros - committedMicros;
    }

    /** From commit until the relay's producer sent it (before the broker's acknowledgement). */
    public long commitToRecordMicros() {
        return recordTimestampMicros - committedMicros;
    }
}
