package dev.faro.support.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Deletes published outbox rows once they are older than the retention; Kafka keeps the events. */
@ApplicationScoped
public class OutboxPruner {

    private static final Logger LOG = Logger.getLogger(OutboxPruner.class);

    private final EntityManager entityManager;
    private final OutboxConfig config;

    public OutboxPruner(EntityManager entityManager, OutboxConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(
            every = "${faro.outbox.prune-every:10m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPrune() {
        pruneSentEvents();
    }

    /** Deletes sent rows past the retention; returns how many. */
    @Transactional
    public int pruneSentEvents() {
        int deleted = entityManager
                .createNativeQuery("delete from outbox_event where sent_at < :cutoff")
                .setParameter("cutoff", Instant.now().minus(config.retention()))
                .executeUpdate();
        if (deleted > 0) {
            LOG.debugf("Pruned %d published outbox events", deleted);
        }
        return deleted;
    }
}
