package dev.faro.email.sending;

import dev.faro.email.LeadEvents;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;

/** What the consumers would have left for the sender, written straight into faro_email; call inside a transaction. */
final class LedgerRows {

    private LedgerRows() {}

    /** The lead's contact, in Spanish, with marketing consent. */
    static void contact(EntityManager entityManager, LeadEvents lead) {
        entityManager
                .createNativeQuery(
                        """
                        insert into contact (lead_id, campaign, email, name, locale, marketing_consent)
                        values (:leadId, 'demo', :email, 'Begoña', 'es', true)
                        """)
                .setParameter("leadId", lead.leadId())
                .setParameter("email", lead.email())
                .executeUpdate();
    }

    /** A pending incentive email for the lead of campaign demo, due at {@code dueAt}; {@code params} is its JSON. */
    static void pendingIncentive(EntityManager entityManager, LeadEvents lead, String params, Instant dueAt) {
        entityManager
                .createNativeQuery(
                        """
                        insert into send_ledger (lead_id, message_kind, step, campaign, params, status, next_attempt_at)
                        values (:leadId, 'incentive', 0, 'demo', cast(:params as jsonb), 'pending', :dueAt)
                        """)
                .setParameter("leadId", lead.leadId())
                .setParameter("params", params)
                .setParameter("dueAt", Timestamp.from(dueAt))
                .executeUpdate();
    }

    /**
     * An incentive email for the lead of campaign demo that sender instance {@code sender} claimed a minute ago, its
     * first attempt under way with {@code messageId} and its lease still five minutes from running out.
     */
    static void claimedIncentive(EntityManager entityManager, LeadEvents lead, int sender, String messageId) {
        entityManager
                .createNativeQuery(
                        """
                        insert into send_ledger (lead_id, message_kind, step, campaign, params, status, message_id,
                                                 attempts, next_attempt_at, claimed_by, claimed_at)
                        values (:leadId, 'incentive', 0, 'demo',
                                cast('{"code": "HUERFANO-0001", "discountPercent": 15}' as jsonb), 'attempting',
                                :messageId, 1, now() + interval '5 minutes', :sender, now() - interval '1 minute')
                        """)
                .setParameter("leadId", lead.leadId())
                .setParameter("messageId", messageId)
                .setParameter("sender", sender)
                .executeUpdate();
    }
}
