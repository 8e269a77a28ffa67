package dev.faro.lead.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** What lead-service's tables hold on a lead or an address, for assertions. */
@ApplicationScoped
public class PrivacyRows {

    private final EntityManager entityManager;
    private final Suppression suppression;

    public PrivacyRows(EntityManager entityManager, Suppression suppression) {
        this.entityManager = entityManager;
        this.suppression = suppression;
    }

    @Transactional
    public long leads(UUID leadId) {
        return count("select count(*) from lead where id = :value", leadId);
    }

    @Transactional
    public long leadsOf(String email) {
        return count("select count(*) from lead where email = :value", email);
    }

    @Transactional
    public long consentRecords(UUID leadId) {
        return count("select count(*) from consent_record where lead_id = :value", leadId);
    }

    @Transactional
    public long keys(UUID leadId) {
        return count("select count(*) from lead_key where lead_id = :value", leadId);
    }

    @Transactional
    public boolean suppressed(String email) {
        return count("select count(*) from suppression where email_hash = :value", suppression.hash(email)) == 1;
    }

    /** ErasureLinkRequested events appended to the outbox, for any lead: the count an unknown address must not move. */
    @Transactional
    public long erasureLinksInOutbox() {
        return count(
                "select count(*) from outbox_event where event_type = :value", "dev.faro.lead.erasure-link-requested");
    }

    /** Outbox rows of one CloudEvents type for the lead, sent or not. */
    @Transactional
    public long outboxEvents(UUID leadId, String cloudEventType) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from outbox_event where record_key = :key and event_type = :type")
                        .setParameter("key", leadId.toString())
                        .setParameter("type", cloudEventType)
                        .getSingleResult())
                .longValue();
    }

    private long count(String sql, Object value) {
        return ((Number) entityManager
                        .createNativeQuery(sql)
                        .setParameter("value", value)
                        .getSingleResult())
                .longValue();
    }
}
