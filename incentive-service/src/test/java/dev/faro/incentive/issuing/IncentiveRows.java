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

    /** A refusal as stored. */
    public record StoredRefusal(String campaign, String offerId, String reason) {}

    @Transactional
    public List<StoredRefusal> refusalsOf(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> refusals = entityManager
                .createNativeQuery("select campaign_id, offer_id, reason from incentive_refusal where lead_id = :lead")
                .setParameter("lead", leadId)
                .getResultList();
        return refusals.stream()
                .map(row -> new StoredRefusal((String) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    /** How many leads of the campaign were refused for each reason. */
    @Transactional
    public Map<String, Long> refusalsByReason(String campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> counts = entityManager
                .createNativeQuery(
                        "select reason, count(*) from incentive_refusal where campaign_id = :campaign group by 1")
                .setParameter("campaign", campaignId)
                .getResultList();
        return counts.stream().collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }

    /** Moves the offer's end into the past, which the admin API refuses to do. */
    @Transactional
    public void expire(String offerId) {
        entityManager
                .createNativeQuery(
                        """
                        update offer set valid_days = null, valid_until = now() - interval '1 minute'
                        where id = :id
                        """)
                .setParameter("id", offerId)
                .executeUpdate();
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
