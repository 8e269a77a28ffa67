package dev.faro.lead.abuse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Campaigns of their own for tests, so one test's submissions never count against another's campaign limit. */
@ApplicationScoped
public class TestCampaigns {

    private final EntityManager entityManager;

    public TestCampaigns(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public String create() {
        return create(false);
    }

    /** A campaign whose leads must confirm their address, so each capture may ask for a confirmation email. */
    @Transactional
    public String createWithDoubleOptIn() {
        return create(true);
    }

    private String create(boolean doubleOptIn) {
        String id = "abuse-" + UUID.randomUUID().toString().substring(0, 8);
        entityManager
                .createNativeQuery(
                        """
                        insert into campaign (id, name, locale, time_zone, double_opt_in)
                        values (:id, 'Rate limit test', 'es', 'Europe/Madrid', :doubleOptIn)
                        """)
                .setParameter("id", id)
                .setParameter("doubleOptIn", doubleOptIn)
                .executeUpdate();
        return id;
    }

    @Transactional
    public long leadsOf(String campaign) {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from lead where campaign_id = :campaign")
                        .setParameter("campaign", campaign)
                        .getSingleResult())
                .longValue();
    }
}
