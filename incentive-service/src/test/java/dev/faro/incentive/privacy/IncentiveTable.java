package dev.faro.incentive.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Counts incentive rows, for assertions about what an erasure leaves. */
@ApplicationScoped
public class IncentiveTable {

    private final EntityManager entityManager;

    public IncentiveTable(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public long ofCampaign(String campaign) {
        return count("select count(*) from incentive where campaign_id = :value", campaign);
    }

    /** Rows of the campaign that no longer name a lead or carry a code. */
    @Transactional
    public long anonymisedOfCampaign(String campaign) {
        return count(
                """
                select count(*) from incentive
                where campaign_id = :value and lead_id is null and code is null and anonymised_at is not null
                """,
                campaign);
    }

    @Transactional
    public long withCode(String code) {
        return count("select count(*) from incentive where code = :value", code);
    }

    private long count(String sql, Object value) {
        return ((Number) entityManager
                        .createNativeQuery(sql)
                        .setParameter("value", value)
                        .getSingleResult())
                .longValue();
    }
}
