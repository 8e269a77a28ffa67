package dev.faro.incentive.offer;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;

/** The offer of each campaign, with the configured default for campaigns that have none. */
@ApplicationScoped
public class OfferCatalogue {

    @ConfigMapping(prefix = "faro.incentive")
    public interface Defaults {
        int defaultDiscountPercent();

        Duration defaultValidity();
    }

    private final EntityManager entityManager;
    private final Defaults defaults;

    public OfferCatalogue(EntityManager entityManager, Defaults defaults) {
        this.entityManager = entityManager;
        this.defaults = defaults;
    }

    public Offer forCampaign(String campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select discount_percent, content_title, content_url, validity_days from offer where campaign_id = :id")
                .setParameter("id", campaignId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new Offer(
                        (Integer) row[0],
                        (String) row[1],
                        (String) row[2],
                        Duration.ofDays(((Number) row[3]).longValue())))
                .orElseGet(() -> new Offer(defaults.defaultDiscountPercent(), null, null, defaults.defaultValidity()));
    }
}
