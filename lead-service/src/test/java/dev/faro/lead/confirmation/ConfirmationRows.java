package dev.faro.lead.confirmation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What double opt-in left in lead-service's database, for assertions, and the clock turned back for the purge. */
@ApplicationScoped
public class ConfirmationRows {

    private final EntityManager entityManager;

    public ConfirmationRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The lead's status, or empty once it no longer exists. */
    @Transactional
    public Optional<String> status(String leadId) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager
                .createNativeQuery("select status from lead where id = cast(:id as uuid)", String.class)
                .setParameter("id", leadId)
                .getResultList();
        return rows.stream().findFirst();
    }

    @Transactional
    public Instant confirmedAt(String leadId) {
        return (Instant) entityManager
                .createNativeQuery("select confirmed_at from lead where id = cast(:id as uuid)", Instant.class)
                .setParameter("id", leadId)
                .getSingleResult();
    }

    /** Moves the lead's creation and its confirmation requests into the past, as if that much time had gone by. */
    @Transactional
    public void age(String leadId, Duration by) {
        entityManager
                .createNativeQuery(
                        """
                        update lead set created_at = created_at - make_interval(secs => :seconds)
                        where id = cast(:id as uuid)
                        """)
                .setParameter("seconds", (double) by.toSeconds())
                .setParameter("id", leadId)
                .executeUpdate();
        entityManager
                .createNativeQuery(
                        """
                        update confirmation_request set requested_at = requested_at - make_interval(secs => :seconds)
                        where lead_id = cast(:id as uuid)
                        """)
                .setParameter("seconds", (double) by.toSeconds())
                .setParameter("id", leadId)
                .executeUpdate();
    }

    /** Outbox rows of these leads that the relay has not published yet. */
    @Transactional
    public long unsentOutboxEvents(Collection<String> leadIds) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from outbox_event where record_key in (:keys) and sent_at is null")
                        .setParameter("keys", leadIds)
                        .getSingleResult())
                .longValue();
    }

    /** How many events of one CloudEvents type the outbox holds for these leads, sent or not. */
    @Transactional
    public long outboxEvents(Collection<String> leadIds, String cloudEventType) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from outbox_event where record_key in (:keys) and event_type = :type")
                        .setParameter("keys", leadIds)
                        .setParameter("type", cloudEventType)
                        .getSingleResult())
                .longValue();
    }
}
