package dev.faro.analytics.dashboard;

import dev.faro.analytics.abtest.SeededCampaign;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Fact rows with every funnel stage, for a campaign published with {@code abtest.SeededCampaign}. */
final class DashboardCampaign {

    private final String id;

    DashboardCampaign(String id) {
        this.id = id;
    }

    /**
     * A new campaign with known figures, the one the browser tests show: page {@code home} with variants a and b,
     * a goal of 520 leads in 60 days and 120.00 EUR spent on the newsletter; on each of the two days before today,
     * a 1000 visitors → 50 leads → 40 confirmed and issued → 38 emails → 2 redeemed for 60.00, and b 1000 → 80 → 60
     * → 57 → 3 redeemed for 90.00; orders paid in EUR. Returns its id.
     */
    static String seedKnownCampaign() {
        String id = SeededCampaign.uniqueId();
        SeededCampaign.publish(
                id,
                Map.of(
                        "landingPages",
                        List.of(Map.of("id", "home", "variants", List.of("a", "b"))),
                        "goal",
                        Map.of(
                                "targetLeads",
                                520,
                                "leadType",
                                "newsletter",
                                "deadline",
                                Instant.now().plus(60, ChronoUnit.DAYS).toString()),
                        "spend",
                        List.of(Map.of(
                                "source", "newsletter", "amount", new BigDecimal("120.00"), "currency", "EUR"))));
        DashboardCampaign facts = new DashboardCampaign(id).ordersPaidIn("EUR");
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        for (LocalDate day : List.of(yesterday.minusDays(1), yesterday)) {
            facts.day(day, "a", new Stages(1000, 50, 40, 40, 38, 2, new BigDecimal("60.00")))
                    .day(day, "b", new Stages(1000, 80, 60, 60, 57, 3, new BigDecimal("90.00")));
        }
        return id;
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
