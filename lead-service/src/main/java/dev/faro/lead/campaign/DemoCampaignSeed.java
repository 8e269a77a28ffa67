package dev.faro.lead.campaign;

import dev.faro.support.outbox.Outbox;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local mode and tests start with one campaign, {@code demo}, so the README's curl works at once. It is
 * seeded at start-up rather than by a migration so production databases never contain it. Like any new
 * campaign it is published, so the other services learn it; a restart finds it stored and publishes nothing.
 */
@ApplicationScoped
public class DemoCampaignSeed {

    public static final String DEMO = "demo";

    static final CampaignDefinition DEFINITION = new CampaignDefinition(
            "Desbloquea el poder de las redes sociales",
            "es",
            "Europe/Madrid",
            List.of(new LandingPage("redes-sociales", List.of("a", "b"))),
            List.of(),
            null,
            List.of(),
            false,
            List.of(),
            null);

    private final CampaignStore store;
    private final Outbox outbox;
    private final boolean enabled;

    public DemoCampaignSeed(
            CampaignStore store, Outbox outbox, @ConfigProperty(name = "faro.demo.seed") boolean enabled) {
        this.store = store;
        this.outbox = outbox;
        this.enabled = enabled;
    }

    @Transactional
    void seed(@Observes StartupEvent startup) {
        if (enabled && store.insert(DEMO, DEFINITION)) {
            outbox.append(DEMO, CampaignEvents.changed(store.find(DEMO).orElseThrow()));
        }
    }
}
