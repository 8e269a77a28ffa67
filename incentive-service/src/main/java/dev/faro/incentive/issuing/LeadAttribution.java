package dev.faro.incentive.issuing;

import dev.faro.incentive.offer.OfferCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The A/B variant a lead awaiting double opt-in was captured under: LeadConfirmed does not carry it, and the
 * incentive follows the variant. Kept only until the incentive is issued (erasure deletes it too).
 */
@ApplicationScoped
public class LeadAttribution {

    private final EntityManager entityManager;

    public LeadAttribution(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Keeps the variant only when an offer could name it (a form may send up to 64 characters of anything). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(UUID leadId, String campaignId, String variant) {
        entityManager
                .createNativeQuery(
                        """
                        insert into lead_attribution (lead_id, campaign_id, variant) values (:lead, :campaign, :variant)
                        on conflict (lead_id, campaign_id) do nothing
                        """)
                .setParameter("lead", leadId)
                .setParameter("campaign", campaignId)
                .setParameter("variant", OfferCatalogue.offerVariant(variant))
                .executeUpdate();
    }

    /** The variant remembered for the lead, or null (none, or captured without one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String variantOf(UUID leadId, String campaignId) {
        @SuppressWarnings("unchecked")
        List<String> variants = entityManager
                .createNativeQuery(
                        "select variant from lead_attribution where lead_id = :lead and campaign_id = :campaign")
                .setParameter("lead", leadId)
                .setParameter("campaign", campaignId)
                .getResultList();
        return variants.isEmpty() ? null : variants.get(0);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID leadId, String campaignId) {
        entityManager
                .createNativeQuery("delete from lead_attribution where lead_id = :lead and campaign_id = :campaign")
                .setParameter("lead", leadId)
                .setParameter("campaign", campaignId)
                .executeUpdate();
    }
}
