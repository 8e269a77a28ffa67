package dev.faro.incentive.offer;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The demo campaign's offer in local mode and tests: the seed post's ebook plus a 10 % code. */
@ApplicationScoped
public class DemoOfferSeed {

    private final EntityManager entityManager;
    private final boolean enabled;
    private final String ebookUrl;

    public DemoOfferSeed(
            EntityManager entityManager,
            @ConfigProperty(name = "faro.demo.seed") boolean enabled,
            @ConfigProperty(name = "faro.public-url") String publicUrl) {
        this.entityManager = entityManager;
        this.enabled = enabled;
        this.ebookUrl = publicUrl + "/content/desbloquea-el-poder-de-las-redes-sociales.pdf";
    }

    @Transactional
    void seed(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        entityManager
                .createNativeQuery(
                        """
                        insert into offer (campaign_id, discount_percent, content_title, content_url, validity_days)
                        values ('demo', 10, 'Desbloquea el poder de las redes sociales', :url, 30)
                        on conflict (campaign_id) do nothing
                        """)
                .setParameter("url", ebookUrl)
                .executeUpdate();
    }
}
