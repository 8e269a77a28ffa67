package dev.faro.lead.capture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads what capture left in the database, for assertions. */
@ApplicationScoped
public class LeadRows {

    private final EntityManager entityManager;

    public LeadRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public long countLeads(String email) {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from lead where email = :email")
                        .setParameter("email", email)
                        .getSingleResult())
                .longValue();
    }

    @Transactional
    public String leadId(String email) {
        return entityManager
                .createNativeQuery("select id from lead where email = :email", UUID.class)
                .setParameter("email", email)
                .getSingleResult()
                .toString();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> outboxEventIds(String leadId) {
        return entityManager
                .createNativeQuery("select event_id from outbox_event where record_key = :key order by seq", UUID.class)
                .setParameter("key", leadId)
                .getResultList();
    }

    @Transactional
    public long unsentOutboxEvents(String leadId) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from outbox_event where record_key = :key and sent_at is null")
                        .setParameter("key", leadId)
                        .getSingleResult())
                .longValue();
    }

    /** Outbox rows of any of these leads that the relay has not published yet. */
    @Transactional
    public long unsentOutboxEvents(Collection<String> leadIds) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from outbox_event where record_key in (:keys) and sent_at is null")
                        .setParameter("keys", leadIds)
                        .getSingleResult())
                .longValue();
    }

    @Transactional
    public String outboxTraceParent(String leadId) {
        return (String) entityManager
                .createNativeQuery("select trace_parent from outbox_event where record_key = :key")
                .setParameter("key", leadId)
                .getSingleResult();
    }
}
