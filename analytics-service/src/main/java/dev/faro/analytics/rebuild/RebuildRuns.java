package dev.faro.analytics.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rebuild_run table: which rebuild is under way and how far it got, readable by every replica. A run whose
 * replica stopped sending heartbeats is marked failed, which lets a new one start.
 */
@ApplicationScoped
public class RebuildRuns {

    /** Heartbeats come with every batch; a run silent this long lost its replica. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final EntityManager entityManager;

    public RebuildRuns(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Registers a new run; empty when one is already under way. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> begin() {
        entityManager
                .createNativeQuery(
                        """
                        update rebuild_run set state = 'failed', finished_at = now(),
                               error = 'abandoned: the replica running it stopped'
                        where state in ('reading', 'swapping') and heartbeat_at < now() - make_interval(secs => :secs)
                        """)
                .setParameter("secs", ABANDONED_AFTER.toSeconds())
                .executeUpdate();
        UUID id = UUID.randomUUID();
        // The partial unique index turns a second run under way into a conflict, and the insert into nothing.
        int inserted = entityManager
                .createNativeQuery("insert into rebuild_run (id, state) values (:id, 'reading') on conflict do nothing")
                .setParameter("id", id)
                .executeUpdate();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(UUID id, String state, long eventsRead, long eventsTotal) {
        entityManager
                .createNativeQuery(
                        """
                        update rebuild_run set state = :state, events_read = :read, events_total = :total,
                               heartbeat_at = now()
                        where id = :id
                        """)
                .setParameter("id", id)
                .setParameter("state", state)
                .setParameter("read", eventsRead)
                .setParameter("total", eventsTotal)
                .executeUpdate();
    }

    /** Marks the run done, in the caller's transaction: the one that swaps the tables in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void done(UUID id, long eventsRead, long eventsTotal) {
        entityManager
                .createNativeQuery(
                        """
                        update public.rebuild_run set state = 'done', events_read = :read, events_total = :total,
                               heartbeat_at = now(), finished_at = now()
                        where id = :id
                        """)
                .setParameter("id", id)
                .setParameter("read", eventsRead)
                .setParameter("total", eventsTotal)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID id, String error) {
        String reason = error == null || error.isBlank() ? "unknown error" : error;
        entityManager
                .createNativeQuery(
                        "update rebuild_run set state = 'failed', finished_at = now(), error = :error where id = :id")
                .setParameter("id", id)
                .setParameter("error", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .executeUpdate();
    }

    @Transactional
    public Optional<RebuildStatus> latest() {
        return select("order by started_at desc limit 1", null);
    }

    @Transactional
    public Optional<RebuildStatus> find(UUID id) {
        return select("where id = :id", id);
    }

    private Optional<RebuildStatus> select(String clause, UUID id) {
        var query = entityManager.createNativeQuery(
                """
                select id, state, events_read, events_total, started_at, finished_at, error,
                       state in ('reading', 'swapping') and heartbeat_at < now() - make_interval(secs => :secs)
                from rebuild_run
                """
                        + clause);
        query.setParameter("secs", ABANDONED_AFTER.toSeconds());
        if (id != null) {
            query.setParameter("id", id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(RebuildRuns::status);
    }

    private static RebuildStatus status(Object[] row) {
        boolean abandoned = (Boolean) row[7];
        return new RebuildStatus(
                (UUID) row[0],
                abandoned ? RebuildStatus.FAILED : (String) row[1],
                ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue(),
                instant(row[4]),
                instant(row[5]),
                abandoned ? "abandoned: the replica running it stopped" : (String) row[6]);
    }

    private static java.time.Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
