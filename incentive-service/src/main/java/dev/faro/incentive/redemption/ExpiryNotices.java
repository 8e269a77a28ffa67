package dev.faro.incentive.redemption;

import dev.faro.contract.events.IncentiveExpiring;
import dev.faro.support.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes {@code IncentiveExpiring} once for each unredeemed incentive that expires within the notice, so the
 * email-service can remind the lead. The mark and the event are written in one transaction per batch; SKIP LOCKED
 * lets replicas split the work and leaves alone an incentive being redeemed at that moment.
 */
@ApplicationScoped
public class ExpiryNotices {

    private static final Logger LOG = Logger.getLogger(ExpiryNotices.class);

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final ExpiryNoticeConfig config;

    public ExpiryNotices(EntityManager entityManager, Outbox outbox, ExpiryNoticeConfig config) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.config = config;
    }

    @Scheduled(
            every = "${faro.incentive.expiring.check-every:1m}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledAnnouncement() {
        announce();
    }

    /** Announces every incentive now due for its notice; returns how many. */
    public int announce() {
        int total = 0;
        Batch batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::announceBatch);
            total += batch.announced();
        } while (batch.claimed() == config.batchSize());
        if (total > 0) {
            LOG.infof("Announced %d incentives as expiring", total);
        }
        return total;
    }

    /** How many incentives a batch claimed, and how many of them it announced. */
    private record Batch(int claimed, int announced) {}

    private Batch announceBatch() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager
                .createNativeQuery(
                        """
                        select i.id, i.lead_id, i.campaign_id, i.expires_at
                        from incentive i
                        where i.expiring_announced_at is null and i.anonymised_at is null and i.lead_id is not null
                          and i.expires_at > :now and i.expires_at <= :horizon
                          and not exists (select 1 from redemption r where r.incentive_id = i.id)
                        order by i.expires_at, i.id
                        limit :batch
                        for update of i skip locked
                        """)
                .setParameter("now", now)
                .setParameter("horizon", now.plus(config.notice()))
                .setParameter("batch", config.batchSize())
                .getResultList();
        int announced = 0;
        for (Object[] row : due) {
            UUID incentiveId = (UUID) row[0];
            UUID leadId = (UUID) row[1];
            // A redemption committed while the search ran is visible to this newer statement: that lead needs no
            // reminder.
            int marked = entityManager
                    .createNativeQuery(
                            """
                            update incentive set expiring_announced_at = :now
                            where id = :id and not exists (select 1 from redemption r where r.incentive_id = :id)
                            """)
                    .setParameter("now", now)
                    .setParameter("id", incentiveId)
                    .executeUpdate();
            if (marked == 1) {
                outbox.append(leadId.toString(), new IncentiveExpiring(incentiveId, leadId, (String) row[2], (Instant)
                        row[3]));
                announced++;
            }
        }
        return new Batch(due.size(), announced);
    }
}
