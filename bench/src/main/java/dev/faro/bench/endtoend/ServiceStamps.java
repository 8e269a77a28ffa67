package dev.faro.bench.endtoend;

import dev.faro.bench.pipeline.EventListener;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * When each lead's work began inside incentive- and email-service, by lead id, in epoch microseconds: the
 * {@code created_at} of incentive-service's {@code IncentiveIssued} outbox row and of email-service's incentive
 * {@code send_ledger} row. Both default to {@code now()}, the start of the consumer's transaction, so they split a
 * hop into the wait before the consumer took the record and what came after (relay, sender).
 *
 * @param incentiveStartedByLead incentive-service's transaction that issued the incentive began
 * @param emailQueuedByLead email-service's transaction that queued the incentive email began
 */
record ServiceStamps(Map<String, Long> incentiveStartedByLead, Map<String, Long> emailQueuedByLead) {

    static ServiceStamps none() {
        return new ServiceStamps(Map.of(), Map.of());
    }

    /** @param incentiveEvents the IncentiveIssued event ids seen on Kafka and the lead id each is keyed by */
    static ServiceStamps read(Connection incentive, Connection email, Map<String, String> incentiveEvents)
            throws SQLException {
        Map<String, Long> byEvent = times(
                incentive,
                "select cast(event_id as varchar), created_at from outbox_event where event_id = any(?)",
                "uuid",
                incentiveEvents.keySet());
        Map<String, Long> incentiveStarted = new HashMap<>();
        byEvent.forEach((eventId, micros) -> incentiveStarted.put(incentiveEvents.get(eventId), micros));
        Map<String, Long> emailQueued = times(
                email,
                "select cast(lead_id as varchar), created_at from send_ledger"
                        + " where message_kind = 'incentive' and step = 0 and lead_id = any(?)",
                "uuid",
                incentiveEvents.values());
        return new ServiceStamps(incentiveStarted, emailQueued);
    }

    private static Map<String, Long> times(Connection connection, String query, String idType, Collection<String> ids)
            throws SQLException {
        Map<String, Long> times = new HashMap<>();
        Array array = connection.createArrayOf(idType, ids.toArray());
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setArray(1, array);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime at = rows.getObject(2, OffsetDateTime.class);
                    times.put(rows.getString(1), EventListener.epochMicros(at.toInstant()));
                }
            }
        }
        return times;
    }
}
