package dev.faro.analytics.funnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The dimensions each lead was captured with. Events after the capture carry only the lead id and campaign; they
 * are counted where the lead came from. The row goes when the lead is erased, and so does the link: the lead's
 * later events count under the campaign with no dimensions.
 */
@ApplicationScoped
public class LeadAttributions {

    private final EntityManager entityManager;

    public LeadAttributions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(UUID leadId, String campaign, Dimensions dimensions) {
        entityManager
                .createNativeQuery(
                        """
                        insert into lead_attribution (lead_id, campaign, landing_page, variant, source, medium)
                        values (:lead, :campaign, :page, :variant, :source, :medium)
                        on conflict (lead_id) do nothing
                        """)
                .setParameter("lead", leadId)
                .setParameter("campaign", campaign)
                .setParameter("page", dimensions.landingPage())
                .setParameter("variant", dimensions.variant())
                .setParameter("source", dimensions.source())
                .setParameter("medium", dimensions.medium())
                .executeUpdate();
    }

    /**
     * Where the lead's events count: its capture's dimensions, or none when analytics never saw the capture (a lead
     * from before dimensions were kept) or the lead was erased. A lead's events of another campaign count there
     * with no dimensions too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Dimensions of(UUID leadId, String campaign) {
        if (leadId == null) {
            return Dimensions.NONE;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select landing_page, variant, source, medium from lead_attribution
                        where lead_id = :lead and campaign = :campaign
                        """)
                .setParameter("lead", leadId)
                .setParameter("campaign", campaign)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new Dimensions((String) row[0], (String) row[1], (String) row[2], (String) row[3]))
                .orElse(Dimensions.NONE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID leadId) {
        entityManager
                .createNativeQuery("delete from lead_attribution where lead_id = :lead")
                .setParameter("lead", leadId)
                .executeUpdate();
    }
}
