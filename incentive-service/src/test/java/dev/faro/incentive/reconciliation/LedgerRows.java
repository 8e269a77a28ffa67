package dev.faro.incentive.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Writes outbox rows and reads refusals straight from the tables, for states the event flow does not hold still. */
@ApplicationScoped
public class LedgerRows {

    private final EntityManager entityManager;

    public LedgerRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** An outbox row as written. */
    public record OutboxRow(long seq, Instant createdAt) {}

    /** An outbox row for {@code key}, as the outbox writes one; already sent when {@code sent}. */
    @Transactional
    public OutboxRow outboxEvent(String topic, String key, String type, boolean sent) {
        Object[] row = (Object[]) entityManager
                .createNativeQuery(
                        """
                        insert into outbox_event (event_id, topic, record_key, event_type, payload, sent_at)
                        values (gen_random_uuid(), :topic, :key, :type, '{}', case when :sent then now() end)
                        returning seq, created_at
                        """)
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("type", type)
                .setParameter("sent", sent)
                .getSingleResult();
        Object createdAt = row[1];
        return new OutboxRow(
                ((Number) row[0]).longValue(),
                createdAt instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) createdAt);
    }

    @Transactional
    public void deleteOutboxEvents(List<Long> seqs) {
        entityManager
                .createNativeQuery("delete from outbox_event where seq in (:seqs)")
                .setParameter("seqs", seqs)
                .executeUpdate();
    }

    /** The reasons stored for the lead, one per campaign that refused it. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> refusalReasonsOf(UUID leadId) {
        return entityManager
                .createNativeQuery("select reason from incentive_refusal where lead_id = :lead")
                .setParameter("lead", leadId)
                .getResultList();
    }
}
