package dev.faro.incentive.offer;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo campaign's offer in local mode and tests: a 10 % code plus the seed post's ebook, valid 30 days. Left
 * alone when the demo campaign already has an offer (a marketer's, or one migrated from before offers had ids).
 */
@ApplicationScoped
public class DemoOfferSeed {

    /** The id the demo campaign's {@code offerRef} names. */
    public static final String OFFER_ID = "demo-ebook-10";

    static final String EBOOK_REF = "desbloquea-el-poder-de-las-redes-sociales.pdf";
    static final String EBOOK_TITLE = "Desbloquea el poder de las redes sociales";

    private final EntityManager entityManager;
    private final boolean enabled;

    public DemoOfferSeed(EntityManager entityManager, @ConfigProperty(name = "faro.demo.seed") boolean enabled) {
        this.entityManager = entityManager;
        this.enabled = enabled;
    }

    @Transactional
    void seed(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        entityManager
                .createNativeQuery(
                        """
                        insert into offer (id, campaign_id, kind, discount_percent, content_title, content_ref, valid_days)
                        select :id, 'demo', 'percent-discount', 10, :title, :ref, 30
                        where not exists (select 1 from offer where campaign_id = 'demo')
                        on conflict (id) do nothing
                        """)
                .setParameter("id", OFFER_ID)
                .setParameter("title", EBOOK_TITLE)
                .setParameter("ref", EBOOK_REF)
                .executeUpdate();
    }
}
