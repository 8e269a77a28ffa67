package dev.faro.email.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Whether each campaign's emails are tracked. Off unless a marketer turned it on: no row means off. */
@ApplicationScoped
public class CampaignEngagement {

    private final EntityManager entityManager;

    public CampaignEngagement(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public boolean isTracked(String campaign) {
        return !entityManager
                .createNativeQuery("select 1 from campaign_engagement where campaign = :campaign and tracking")
                .setParameter("campaign", campaign)
                .getResultList()
                .isEmpty();
    }

    @Transactional
    public void setTracking(String campaign, boolean tracking) {
        entityManager
                .createNativeQuery(
                        """
                        insert into campaign_engagement (campaign, tracking) values (:campaign, :tracking)
                        on conflict (campaign) do update set tracking = excluded.tracking, updated_at = now()
                        """)
                .setParameter("campaign", campaign)
                .setParameter("tracking", tracking)
                .executeUpdate();
    }
}
