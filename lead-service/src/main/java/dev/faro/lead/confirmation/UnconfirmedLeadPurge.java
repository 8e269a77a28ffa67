package dev.faro.lead.confirmation;

import dev.faro.lead.privacy.LeadErasure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases leads that never confirmed their address within {@code faro.double-opt-in.purge-after}: a pending lead
 * gave no valid consent, so nothing about it is kept. Each goes through {@link LeadErasure}, so its key is destroyed
 * and {@code LeadErased} tells every other service to purge it too. Small batches, each its own transaction, with
 * SKIP LOCKED: replicas purging at once split the work, and a lead being confirmed right now is left alone.
 */
@ApplicationScoped
public class UnconfirmedLeadPurge {

    private static final Logger LOG = Logger.getLogger(UnconfirmedLeadPurge.class);

    private final EntityManager entityManager;
    private final LeadErasure erasure;
    private final DoubleOptInConfig config;

    public UnconfirmedLeadPurge(EntityManager entityManager, LeadErasure erasure, DoubleOptInConfig config) {
        this.entityManager = entityManager;
        this.erasure = erasure;
        this.config = config;
    }

    @Scheduled(
            every = "${faro.double-opt-in.purge-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge();
    }

    /** Erases every pending lead created before the limit; returns how many. */
    public int purge() {
        Instant cutoff = Instant.now().minus(config.purgeAfter());
        int total = 0;
        int erased;
        do {
            erased = QuarkusTransaction.requiringNew().call(() -> purgeBatch(cutoff));
            total += erased;
        } while (erased == config.purgeBatchSize());
        if (total > 0) {
            LOG.infof("Erased %d leads that never confirmed their address", total);
        }
        return total;
    }

    private int purgeBatch(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager
                .createNativeQuery(
                        """
                        select id from lead
                        where status = 'pending' and created_at < :cutoff
                        order by created_at
                        limit :batch
                        for update skip locked
                        """,
                        UUID.class)
                .setParameter("cutoff", cutoff)
                .setParameter("batch", config.purgeBatchSize())
                .getResultList();
        ids.forEach(id -> erasure.erase(id, LeadErasure.Reason.UNCONFIRMED));
        return ids.size();
    }
}
