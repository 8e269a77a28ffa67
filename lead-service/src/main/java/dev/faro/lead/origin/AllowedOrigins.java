package dev.faro.lead.origin;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The origins each campaign lets browsers post from, held in memory: the visit beacon and CORS preflights run on
 * the event loop and must not wait for the database. Reloaded every few seconds, so a marketer's change takes
 * effect that quickly; lead capture reads its campaign's list from the database itself, so it is exact at once.
 */
@ApplicationScoped
public class AllowedOrigins {

    private final EntityManager entityManager;
    private volatile Map<String, Set<String>> byCampaign = Map.of();
    private volatile Set<String> anyCampaign = Set.of();

    public AllowedOrigins(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent start) {
        reload();
    }

    @Scheduled(every = "${faro.cors.reload-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void reload() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select o.campaign_id, o.origin from campaign_allowed_origin o
                        join campaign c on c.id = o.campaign_id
                        where not c.archived
                        """)
                .getResultList();
        Map<String, Set<String>> origins = new HashMap<>();
        Set<String> all = new HashSet<>();
        for (Object[] row : rows) {
            origins.computeIfAbsent((String) row[0], campaign -> new HashSet<>())
                    .add((String) row[1]);
            all.add((String) row[1]);
        }
        origins.replaceAll((campaign, set) -> Set.copyOf(set));
        byCampaign = Map.copyOf(origins);
        anyCampaign = Set.copyOf(all);
    }

    public boolean allows(String campaign, String origin) {
        return campaign != null && byCampaign.getOrDefault(campaign, Set.of()).contains(origin);
    }

    /** Whether some campaign takes posts from this origin: enough to answer a preflight, which names none. */
    public boolean allowedBySomeCampaign(String origin) {
        return anyCampaign.contains(origin);
    }
}
