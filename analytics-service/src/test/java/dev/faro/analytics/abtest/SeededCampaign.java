package dev.faro.analytics.abtest;

import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventType;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.campaign.CampaignViews;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A campaign as the goal and A/B tests need it: published on the campaign topic like lead-service does, known
 * to analytics, with known rows in the fact table.
 */
public final class SeededCampaign {

    private final String id;

    private SeededCampaign(String id) {
        this.id = id;
    }

    /** A campaign slug no other test uses: the tests share one broker and one database. */
    public static String uniqueId() {
        return "in-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /**
     * Publishes the golden CampaignChanged with {@code overrides} (null values allowed) and waits until
     * analytics has stored it.
     */
    public static SeededCampaign publish(String id, Map<String, Object> overrides) {
        Map<String, Object> data = new HashMap<>(overrides);
        data.put("campaign", id);
        data.put("revision", 1);
        new TestKafka(TestInfrastructure.current().kafkaBootstrap())
                .publish(id, GoldenEvents.fresh(EventType.CAMPAIGN_CHANGED, data));
        CampaignViews views = Arc.container().instance(CampaignViews.class).get();
        await("campaign " + id + " known to analytics")
                .atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> views.find(id))
                        .isPresent());
        return new SeededCampaign(id);
    }

    public String id() {
        return id;
    }

    /** Adds one fact row: visitors and leads of a landing page, variant and source on a day. */
    public SeededCampaign facts(
            String landingPage, String variant, String source, LocalDate day, long visitors, long leads) {
        EntityManager entityManager =
                Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                        insert into funnel_fact (campaign, landing_page, variant, source, day, visitors, leads)
                        values (:campaign, :page, :variant, :source, :day, :visitors, :leads)
                        """)
                .setParameter("campaign", id)
                .setParameter("page", landingPage)
                .setParameter("variant", variant)
                .setParameter("source", source)
                .setParameter("day", day)
                .setParameter("visitors", visitors)
                .setParameter("leads", leads)
                .executeUpdate());
        return this;
    }
}
