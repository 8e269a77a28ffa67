package dev.faro.analytics.rebuild;

import dev.faro.analytics.funnel.FunnelCounting;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.UndeliverableEventException;
import dev.faro.support.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Counts records of the log into the rebuild schema with the live consumers' own handlers, each event once by
 * its id, as the inbox does. A record the live consumers could not process either (it went to the dead-letter
 * topic then) is skipped.
 */
@ApplicationScoped
public class RebuildBatches {

    private final EntityManager entityManager;
    private final AggregateTables tables;
    private final EventHandlers handlers;

    public RebuildBatches(EntityManager entityManager, AggregateTables tables, FunnelCounting counting) {
        this.entityManager = entityManager;
        this.tables = tables;
        this.handlers = counting.handlers();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void count(List<ConsumerRecord<String, String>> records) {
        countInCurrentTransaction(records);
    }

    /** For the last records, counted in the transaction that swaps the tables in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countInCurrentTransaction(List<ConsumerRecord<String, String>> records) {
        tables.countIntoRebuild();
        for (ConsumerRecord<String, String> record : records) {
            count(record);
        }
    }

    private void count(ConsumerRecord<String, String> record) {
        EventEnvelope event;
        Record data;
        try {
            event = EventCodec.instance().decode(record.value());
            if (!handlers.handles(event.eventType())) {
                return;
            }
            data = EventCodec.instance().data(event, event.eventType().dataClass());
        } catch (UndeliverableEventException undeliverable) {
            return; // the inbox dead-lettered it, so the live counts never had it either
        }
        if (firstTime(event)) {
            handlers.dispatch(event, data);
        }
    }

    private boolean firstTime(EventEnvelope event) {
        return entityManager
                        .createNativeQuery(
                                "insert into processed_event (event_id, event_type) values (:id, :type) on conflict do nothing")
                        .setParameter("id", event.id())
                        .setParameter("type", event.type())
                        .executeUpdate()
                == 1;
    }
}
