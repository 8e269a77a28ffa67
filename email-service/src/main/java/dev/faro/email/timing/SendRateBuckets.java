package dev.faro.email.timing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.util.List;

/**
 * Token buckets in PostgreSQL, one row of {@code send_rate_bucket} each, that every replica draws from; marketing
 * mail uses {@link #MARKETING}. Tokens are not added by a timer but computed from the time since the last take, so
 * a bucket needs no process to fill it.
 */
@ApplicationScoped
public class SendRateBuckets {

    public static final String MARKETING = "marketing";

    /**
     * The tokens the bucket holds at {@code read_at}: what it held when last taken from, plus the refill since, up to
     * {@code burst}. greatest() because a take that waited on the row lock may have read its clock before the
     * holder wrote its own.
     */
    private static final String AVAILABLE = "least(:burst, tokens + cast(:rate as double precision)"
            + " * extract(epoch from greatest(clock.read_at - refilled_at, interval '0')))";

    private final EntityManager entityManager;

    public SendRateBuckets(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Takes one token from bucket {@code name}, refilled at {@code rate} per second up to {@code burst}; returns
     * zero when it did, else how long until the next token. The take is a single conditional UPDATE, so concurrent
     * replicas serialise on the row and none overdraws it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Duration take(String name, double rate, int burst) {
        int taken = entityManager
                .createNativeQuery("update send_rate_bucket set tokens = " + AVAILABLE + " - 1,"
                        + " refilled_at = greatest(refilled_at, clock.read_at)"
                        + " from (select clock_timestamp() as read_at) clock"
                        + " where name = :name and " + AVAILABLE + " >= 1"
                        + " returning tokens")
                .setParameter("rate", rate)
                .setParameter("burst", burst)
                .setParameter("name", name)
                .getResultList()
                .size();
        if (taken == 1) {
            return Duration.ZERO;
        }
        @SuppressWarnings("unchecked")
        List<Number> available = entityManager
                .createNativeQuery("select " + AVAILABLE
                        + " from send_rate_bucket, (select clock_timestamp() as read_at) clock where name = :name")
                .setParameter("rate", rate)
                .setParameter("burst", burst)
                .setParameter("name", name)
                .getResultList();
        if (available.isEmpty()) {
            throw new IllegalStateException("send_rate_bucket has no row '" + name + "'");
        }
        double missing = Math.max(0, 1 - available.get(0).doubleValue());
        return Duration.ofNanos(Math.max(1_000_000L, Math.round(missing / rate * 1e9)));
    }
}
