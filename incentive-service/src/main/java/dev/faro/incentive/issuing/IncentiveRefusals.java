package dev.faro.incentive.issuing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Leads an offer rule gave nothing, kept so that a reconciliation can tell them from leads that were lost. The row
 * says what became of the lead only until an incentive is issued for the same campaign after all.
 */
@ApplicationScoped
public class IncentiveRefusals {

    private final EntityManager entityManager;

    public IncentiveRefusals(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Keeps the first refusal of the lead and campaign; {@code offerId} is null for the configured default. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID leadId, String campaignId, String offerId, String reason, Instant refusedAt) {
        entityManager
                .createNativeQuery(
                        """
                        insert into incentive_refusal (lead_id, campaign_id, offer_id, reason, refused_at)
                        values (:lead, :campaign, :offer, :reason, :refusedAt)
                        on conflict do nothing
                        """)
                .unwrap(NativeQuery.class)
                .setParameter("lead", leadId)
                .setParameter("campaign", campaignId)
                .setParameter("offer", offerId, String.class)
                .setParameter("reason", reason)
                .setParameter("refusedAt", refusedAt)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID leadId, String campaignId) {
        entityManager
                .createNativeQuery("delete from incentive_refusal where lead_id = :lead and campaign_id = :campaign")
                .setParameter("lead", leadId)
                .setParameter("campaign", campaignId)
                .executeUpdate();
    }
}
