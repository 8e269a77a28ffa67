package dev.faro.lead.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Reads the campaigns lead-service owns. */
@ApplicationScoped
public class CampaignDirectory {

    private final EntityManager entityManager;

    public CampaignDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A campaign that takes new leads: archived campaigns are left out, so a caller that only asks whether a
     * campaign exists refuses them too.
     */
    public Optional<CampaignSettings> find(String campaignId) {
        return findIncludingArchived(campaignId).filter(CampaignSettings::acceptsLeads);
    }

    /** Any campaign, archived or not ({@link CampaignSettings#archived()} tells). */
    public Optional<CampaignSettings> findIncludingArchived(String campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select id, locale, time_zone, double_opt_in, archived from campaign where id = :id")
                .setParameter("id", campaignId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new CampaignSettings(
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        (Boolean) row[3],
                        (Boolean) row[4],
                        customFields(campaignId),
                        allowedOrigins(campaignId)));
    }

    private List<CustomField> customFields(String campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select name, type, required from campaign_custom_field where campaign_id = :id order by position")
                .setParameter("id", campaignId)
                .getResultList();
        return rows.stream()
                .map(row -> new CustomField((String) row[0], (String) row[1], (Boolean) row[2]))
                .toList();
    }

    private List<String> allowedOrigins(String campaignId) {
        @SuppressWarnings("unchecked")
        List<String> origins = entityManager
                .createNativeQuery(
                        "select origin from campaign_allowed_origin where campaign_id = :id order by position")
                .setParameter("id", campaignId)
                .getResultList();
        return origins;
    }
}
