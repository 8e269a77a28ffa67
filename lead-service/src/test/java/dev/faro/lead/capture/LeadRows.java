package dev.faro.lead.capture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                .createNativeQuery(
                        "select event_id from outbox_event where record_key = :key and topic = 'faro.leads' order by seq",
                        UUID.class)
                .setParameter("key", leadId)
                .getResultList();
    }

    @Transactional
    public long unsentOutboxEvents(String leadId) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from outbox_event where record_key = :key and topic = 'faro.leads' and sent_at is null")
                        .setParameter("key", leadId)
                        .getSingleResult())
                .longValue();
    }

    /** Outbox rows of any of these leads that the relay has not published yet. */
    @Transactional
    public long unsentOutboxEvents(Collection<String> leadIds) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from outbox_event where record_key in (:keys) and topic = 'faro.leads' and sent_at is null")
                        .setParameter("keys", leadIds)
                        .getSingleResult())
                .longValue();
    }

    @Transactional
    public String outboxTraceParent(String leadId) {
        return (String) entityManager
                .createNativeQuery(
                        "select trace_parent from outbox_event where record_key = :key and topic = 'faro.leads'")
                .setParameter("key", leadId)
                .getSingleResult();
    }

    /** The lead row of this address (in the demo campaign), column by column. */
    @Transactional
    public Map<String, Object> lead(String email) {
        List<Map<String, Object>> leads = rows(entityManager
                .createNativeQuery("select * from lead where email = :email", Tuple.class)
                .setParameter("email", email));
        if (leads.size() != 1) {
            throw new AssertionError("expected one lead for " + email + ", found " + leads.size());
        }
        return leads.get(0);
    }

    /** The consent ledger of a lead, oldest first. */
    @Transactional
    public List<Map<String, Object>> consentRecords(String leadId) {
        return rows(entityManager
                .createNativeQuery(
                        "select * from consent_record where lead_id = cast(:lead as uuid) order by id", Tuple.class)
                .setParameter("lead", leadId));
    }

    @Transactional
    public long countConsentRecordsOf(String email) {
        return ((Number) entityManager
                        .createNativeQuery(
                                """
                                select count(*) from consent_record r join lead l on l.id = r.lead_id
                                where l.email = :email
                                """)
                        .setParameter("email", email)
                        .getSingleResult())
                .longValue();
    }

    @Transactional
    public boolean idempotencyKeyKept(String key) {
        return ((Number) entityManager
                                .createNativeQuery(
                                        "select count(*) from capture_idempotency where idempotency_key = :key")
                                .setParameter("key", key)
                                .getSingleResult())
                        .longValue()
                == 1;
    }

    /** Moves the moment a key was first used into the past, as if that much time had gone by. */
    @Transactional
    public void ageIdempotencyKey(String key, Duration by) {
        entityManager
                .createNativeQuery(
                        """
                        update capture_idempotency set created_at = created_at - make_interval(secs => :seconds)
                        where idempotency_key = :key
                        """)
                .setParameter("seconds", (double) by.toSeconds())
                .setParameter("key", key)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Query query) {
        return ((List<Tuple>) query.getResultList())
                .stream()
                        .map(tuple -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (TupleElement<?> element : tuple.getElements()) {
                                row.put(element.getAlias(), tuple.get(element));
                            }
                            return row;
                        })
                        .toList();
    }
}
