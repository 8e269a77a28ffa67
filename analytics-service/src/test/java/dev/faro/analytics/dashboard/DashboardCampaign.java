package dev.faro.analytics.dashboard;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Fact rows with every funnel stage, for a campaign published with {@code abtest.SeededCampaign}. */
final class DashboardCampaign {

    private final String id;

    DashboardCampaign(String id) {
        this.id = id;
    }

    /** One day of one variant of the page {@code home}, from the UTM source {@code newsletter}. */
    DashboardCampaign day(LocalDate day, String variant, Stages stages) {
        EntityManager entityManager =
                Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                                insert into funnel_fact (campaign, landing_page, variant, source, medium, day,
                                    visitors, leads, confirmed, incentives_issued, emails_sent, redemptions, revenue)
                                values (:campaign, 'home', :variant, 'newsletter', 'email', :day,
                                    :visitors, :leads, :confirmed, :incentives, :emails, :redemptions, :revenue)
                                """)
                .setParameter("campaign", id)
                .setParameter("variant", variant)
                .setParameter("day", day)
                .setParameter("visitors", stages.visitors())
                .setParameter("leads", stages.leads())
                .setParameter("confirmed", stages.confirmed())
                .setParameter("incentives", stages.incentives())
                .setParameter("emails", stages.emails())
                .setParameter("redemptions", stages.redemptions())
                .setParameter("revenue", stages.revenue())
                .executeUpdate());
        return this;
    }

    /** The currency the campaign's orders were paid in, as analytics records it with each redemption. */
    DashboardCampaign ordersPaidIn(String currency) {
        EntityManager entityManager =
                Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        "insert into funnel_revenue_currency (campaign, currency) values (:campaign, :currency)")
                .setParameter("campaign", id)
                .setParameter("currency", currency)
                .executeUpdate());
        return this;
    }

    record Stages(
            long visitors,
            long leads,
            long confirmed,
            long incentives,
            long emails,
            long redemptions,
            BigDecimal revenue) {}
}
