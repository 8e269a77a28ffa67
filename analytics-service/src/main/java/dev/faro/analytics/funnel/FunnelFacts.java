package dev.faro.analytics.funnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Writes the fact table. Days are UTC everywhere in analytics, so a count never moves between days when a reader
 * or a replica runs in another time zone. Every method needs the caller's transaction: it also records the event
 * id, which is what makes each count exactly-once.
 */
@ApplicationScoped
public class FunnelFacts {

    private final EntityManager entityManager;

    public FunnelFacts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds one to {@code stage} in the row of these dimensions on the day {@code occurredAt} falls on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(String campaign, Dimensions dimensions, Instant occurredAt, FunnelStage stage) {
        count(campaign, dimensions, dayOf(occurredAt), stage);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void count(String campaign, Dimensions dimensions, LocalDate day, FunnelStage stage) {
        // The column comes from the enum, never from input; the upsert lets consumers of different topics bump the
        // same row concurrently without a read-modify-write race.
        String upsert =
                """
                insert into funnel_fact (campaign, landing_page, variant, source, medium, day, %1$s)
                values (:campaign, :page, :variant, :source, :medium, :day, 1)
                on conflict (campaign, landing_page, variant, source, medium, day)
                do update set %1$s = funnel_fact.%1$s + 1
                """
                        .formatted(stage.column());
        bind(upsert, campaign, dimensions, day).executeUpdate();
    }

    /** One more redemption, its order value added to the revenue and its currency remembered for the campaign. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redeemed(
            String campaign, Dimensions dimensions, Instant occurredAt, BigDecimal orderValue, String currency) {
        bind(
                        """
                        insert into funnel_fact (campaign, landing_page, variant, source, medium, day, redemptions, revenue)
                        values (:campaign, :page, :variant, :source, :medium, :day, 1, :value)
                        on conflict (campaign, landing_page, variant, source, medium, day)
                        do update set redemptions = funnel_fact.redemptions + 1,
                                      revenue = funnel_fact.revenue + excluded.revenue
                        """,
                        campaign,
                        dimensions,
                        dayOf(occurredAt))
                .setParameter("value", orderValue == null ? BigDecimal.ZERO : orderValue)
                .executeUpdate();
        if (currency != null && currency.length() == 3) {
            entityManager
                    .createNativeQuery(
                            "insert into funnel_revenue_currency (campaign, currency) values (:campaign, :currency)"
                                    + " on conflict do nothing")
                    .setParameter("campaign", campaign)
                    .setParameter("currency", currency.toUpperCase(Locale.ROOT))
                    .executeUpdate();
        }
    }

    private jakarta.persistence.Query bind(String sql, String campaign, Dimensions dimensions, LocalDate day) {
        return entityManager
                .createNativeQuery(sql)
                .setParameter("campaign", campaign)
                .setParameter("page", dimensions.landingPage())
                .setParameter("variant", dimensions.variant())
                .setParameter("source", dimensions.source())
                .setParameter("medium", dimensions.medium())
                .setParameter("day", day);
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
