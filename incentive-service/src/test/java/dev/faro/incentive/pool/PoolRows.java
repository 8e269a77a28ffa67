package dev.faro.incentive.pool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the pool tables hold, for assertions. */
@ApplicationScoped
public class PoolRows {

    private final EntityManager entityManager;

    public PoolRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Each allocated code of the pool and the incentive it went to. */
    @Transactional
    public Map<String, UUID> allocations(String poolId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select code, incentive_id from pool_code where pool_id = :pool and incentive_id is not null")
                .setParameter("pool", poolId)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (UUID) row[1]));
    }

    /** The pool's codes as stored, in import order. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> codeTexts(String poolId) {
        return entityManager
                .createNativeQuery("select code from pool_code where pool_id = :pool order by seq")
                .setParameter("pool", poolId)
                .getResultList();
    }

    @Transactional
    public long codes(String poolId) {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from pool_code where pool_id = :pool")
                        .setParameter("pool", poolId)
                        .getSingleResult())
                .longValue();
    }

    /** Running-low events written to the outbox for the pool (published or not). */
    @Transactional
    public long runningLowEvents(String poolId) {
        return ((Number) entityManager
                        .createNativeQuery(
                                """
                                select count(*) from outbox_event
                                where record_key = :pool and event_type = 'dev.faro.incentive.code-pool-running-low'
                                """)
                        .setParameter("pool", poolId)
                        .getSingleResult())
                .longValue();
    }
}
