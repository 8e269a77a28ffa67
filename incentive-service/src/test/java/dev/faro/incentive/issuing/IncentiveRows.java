package dev.faro.incentive.issuing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the incentive table, for assertions. */
@ApplicationScoped
public class IncentiveRows {

    private final EntityManager entityManager;

    public IncentiveRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public long countFor(UUID leadId) {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from incentive where lead_id = :lead")
                        .setParameter("lead", leadId)
                        .getSingleResult())
                .longValue();
    }

    /** How many incentives of the campaign each offer gave (the default discount under "default"). */
    @Transactional
    public Map<String, Long> countByOffer(String campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> counts = entityManager
                .createNativeQuery(
                        "select coalesce(offer_id, 'default'), count(*) from incentive where campaign_id = :campaign group by 1")
                .setParameter("campaign", campaignId)
                .getResultList();
        return counts.stream().collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }

    /** Rows remembering the variant a lead was captured under. */
    @Transactional
    public long attributionsOf(UUID leadId) {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from lead_attribution where lead_id = :lead")
                        .setParameter("lead", leadId)
                        .getSingleResult())
                .longValue();
    }
}
