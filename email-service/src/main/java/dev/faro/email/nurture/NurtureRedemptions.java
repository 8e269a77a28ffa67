package dev.faro.email.nurture;

import dev.faro.contract.events.IncentiveRedeemed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Whether a lead redeemed its incentive, as the expiry reminders record it from IncentiveRedeemed
 * ({@code reminder_incentive.redeemed_at}).
 */
@ApplicationScoped
public class NurtureRedemptions {

    private final EntityManager entityManager;

    public NurtureRedemptions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A redemption withdraws the lead's waiting {@code not-redeemed} steps, in the transaction that records it. Steps
     * a sender has already claimed are left alone; {@link NurtureConditionGate} cancels them if they have not reached
     * the SMTP server yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onRedeemed(@Observes IncentiveRedeemed redeemed) {
        entityManager
                .createNativeQuery(
                        """
                        update send_ledger set status = 'cancelled', last_error = 'incentive redeemed'
                        where lead_id = :lead and message_kind = :kind and status = 'pending'
                          and params ->> 'condition' = :condition
                        """)
                .setParameter("lead", redeemed.leadId())
                .setParameter("kind", NurtureEmail.KIND)
                .setParameter("condition", NurtureCondition.NOT_REDEEMED.code())
                .executeUpdate();
    }

    @Transactional
    public boolean redeemed(UUID leadId) {
        return (Boolean) entityManager
                .createNativeQuery(
                        """
                        select exists (select 1 from reminder_incentive
                                       where lead_id = :lead and redeemed_at is not null)
                        """)
                .setParameter("lead", leadId)
                .getSingleResult();
    }
}
