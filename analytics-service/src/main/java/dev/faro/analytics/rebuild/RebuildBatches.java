package dev.faro.analytics.rebuild;

import dev.faro.analytics.funnel.FunnelBatch;
import dev.faro.analytics.funnel.FunnelCounting;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.UndeliverableEventException;
import dev.faro.support.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;

/**
 * Counts records of the log into the rebuild schema with the live consumers' own handlers, each event once by
 * its id, as the inbox does, but a batch at a time: the batch's events are recorded as processed with one
 * statement, their effects collected by a {@link FunnelBatch} and written together. A record the live consumers
 * could not read either (it went to the dead-letter topic then) is skipped; the log's events were validated against
 * their schemas when they were produced, so they are read here without validating them again.
 */
@ApplicationScoped
public class RebuildBatches {

    private final EntityManager entityManager;
    private final AggregateTables tables;
    private final FunnelCounting counting;
    private final EventHandlers handlers;

    public RebuildBatches(EntityManager entityManager, AggregateTables tables, FunnelCounting counting) {
        this.entityManager = entityManager;
        this.tables = tables;
        this.counting = counting;
        this.handlers = counting.handlers();
    }

    /** Reads records for {@link #count}; needs no transaction, so it can run ahead while a batch is counted. */
    DecodedBatch decode(List<ConsumerRecord<String, String>> records) {
        List<DecodedBatch.Event> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope event = EventCodec.instance().decodeTrusted(record.value());
                if (handlers.handles(event.eventType())) {
                    events.add(new DecodedBatch.Event(
                            event,
                            EventCodec.instance().data(event, event.eventType().dataClass())));
                }
            } catch (UndeliverableEventException undeliverable) {
                // the inbox dead-lettered it, so the live counts never had it either
            }
        }
        return new DecodedBatch(records.size(), events);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void count(DecodedBatch batch) {
        countDecoded(batch);
    }

    /** For the last records, counted in the transaction that swaps the tables in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countInCurrentTransaction(List<ConsumerRecord<String, String>> records) {
        countDecoded(decode(records));
    }

    private void countDecoded(DecodedBatch batch) {
        tables.countIntoRebuild();
        if (!batch.events().isEmpty()) {
            entityManager.unwrap(Session.class).doWork(connection -> countOn(connection, batch.events()));
        }
    }

    private void countOn(Connection connection, List<DecodedBatch.Event> events) throws SQLException {
        Set<UUID> unprocessed = markProcessed(connection, events);
        FunnelBatch batch = FunnelBatch.open(connection, leadsOf(events));
        EventHandlers counted = counting.countingInto(batch);
        for (DecodedBatch.Event event : events) {
            // Removing it counts a copy of the event later in the same batch as the duplicate it is.
            if (unprocessed.remove(event.envelope().id())) {
                counted.dispatch(event.envelope(), event.data());
            }
        }
        batch.write();
    }

    /** Records the events' ids as processed; returns those that were not yet, the ones to count. */
    private static Set<UUID> markProcessed(Connection connection, List<DecodedBatch.Event> events) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        List<String> types = new ArrayList<>();
        for (DecodedBatch.Event decoded : events) {
            if (ids.add(decoded.envelope().id())) {
                types.add(decoded.envelope().type());
            }
        }
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                """
                insert into processed_event (event_id, event_type)
                select * from unnest(?::uuid[], ?::varchar[])
                on conflict do nothing
                returning event_id
                """)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            insert.setArray(2, connection.createArrayOf("varchar", types.toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    /** The leads the batch's events are about, to read their attributions at once. */
    private static Set<UUID> leadsOf(List<DecodedBatch.Event> events) {
        Set<UUID> leads = new HashSet<>();
        for (DecodedBatch.Event decoded : events) {
            String lead = decoded.envelope().data().path("leadId").asText(null);
            if (lead != null) {
                try {
                    leads.add(UUID.fromString(lead));
                } catch (IllegalArgumentException notALead) {
                    // not a lead id after all: the event then reads its lead on its own, if it has one
                }
            }
        }
        return leads;
    }
}
