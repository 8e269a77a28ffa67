package dev.faro.incentive.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Incentive rows written straight to the table, for states the event flow takes long to reach (expired, erased). */
@ApplicationScoped
public class IncentiveFixtures {

    private final EntityManager entityManager;

    public IncentiveFixtures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public UUID insert(UUID leadId, String campaign, String kind, String code, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        entityManager
                .createNativeQuery(
                        """
                        insert into incentive (id, lead_id, campaign_id, kind, code, issued_at, expires_at)
                        values (:id, :lead, :campaign, :kind, :code, now(), :expiresAt)
                        """)
                .setParameter("id", id)
                .setParameter("lead", leadId)
                .setParameter("campaign", campaign)
                .setParameter("kind", kind)
                .setParameter("code", code)
                .setParameter("expiresAt", expiresAt)
                .executeUpdate();
        return id;
    }

    @Transactional
    public UUID idOf(String code) {
        return (UUID) entityManager
                .createNativeQuery("select id from incentive where code = :code", UUID.class)
                .setParameter("code", code)
                .getSingleResult();
    }

    /** What erasure does to an incentive. */
    @Transactional
    public void anonymise(UUID incentiveId) {
        entityManager
                .createNativeQuery(
                        "update incentive set lead_id = null, code = null, anonymised_at = now() where id = :id")
                .setParameter("id", incentiveId)
                .executeUpdate();
    }

    @Transactional
    public long redemptionsOf(UUID incentiveId) {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from redemption where incentive_id = :id")
                        .setParameter("id", incentiveId)
                        .getSingleResult())
                .longValue();
    }

    @Transactional
    public boolean announcedAsExpiring(UUID incentiveId) {
        return (Boolean) entityManager
                .createNativeQuery("select expiring_announced_at is not null from incentive where id = :id")
                .setParameter("id", incentiveId)
                .getSingleResult();
    }
}
