package dev.faro.incentive.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Counts incentive and refusal rows, for assertions about what an erasure leaves. */
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

    @Transactional
    public long refusalsOf(UUID leadId) {
        return count("select count(*) from incentive_refusal where lead_id = :value", leadId);
    }

    /** A redemption as stored: the order it names and what it was worth. */
    public record StoredRedemption(String orderId, BigDecimal orderValue) {}

    @Transactional
    public List<StoredRedemption> redemptionsOfCampaign(String campaign) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select r.order_id, r.order_value from redemption r
                        join incentive i on i.id = r.incentive_id where i.campaign_id = :value
                        """)
                .setParameter("value", campaign)
                .getResultList();
        return rows.stream()
                .map(row -> new StoredRedemption((String) row[0], (BigDecimal) row[1]))
                .toList();
    }

    private long count(String sql, Object value) {
        return ((Number) entityManager
                        .createNativeQuery(sql)
                        .setParameter("value", value)
                        .getSingleResult())
                .longValue();
    }
}
