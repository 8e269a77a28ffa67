package dev.faro.lead.campaign;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local mode and tests start with one campaign, {@code demo}, so the README's curl works at once. It is
 * seeded at start-up rather than by a migration so production databases never contain it.
 */
@ApplicationScoped
public class DemoCampaignSeed {

    public static final String DEMO = "demo";

    private final EntityManager entityManager;
    private final boolean enabled;

    public DemoCampaignSeed(EntityManager entityManager, @ConfigProperty(name = "faro.demo.seed") boolean enabled) {
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
                        insert into campaign (id, name, locale, time_zone, double_opt_in)
                        values (:id, 'Desbloquea el poder de las redes sociales', 'es', 'Europe/Madrid', false)
                        on conflict (id) do nothing
                        """)
                .setParameter("id", DEMO)
                .executeUpdate();
    }
}
