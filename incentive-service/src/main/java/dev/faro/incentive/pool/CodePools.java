package dev.faro.incentive.pool;

import dev.faro.contract.events.CodePoolRunningLow;
import dev.faro.support.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Imported code pools: creation, all-or-nothing imports and allocation of one code per incentive. Free codes are
 * taken with {@code for update skip locked}, so concurrent issues each get a different row without waiting, and the
 * allocation commits or rolls back with the issue.
 */
@ApplicationScoped
public class CodePools {

    private static final int BATCH = 1000;

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final PoolGauges gauges;

    public CodePools(EntityManager entityManager, Outbox outbox, PoolGauges gauges) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.gauges = gauges;
    }

    /** Returns false when a pool with this id exists already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean create(String id, String campaign, int lowWater) {
        int inserted = entityManager
                .createNativeQuery(
                        """
                        insert into code_pool (id, campaign_id, low_water) values (:id, :campaign, :lowWater)
                        on conflict (id) do nothing
                        """)
                .setParameter("id", id)
                .setParameter("campaign", campaign)
                .setParameter("lowWater", lowWater)
                .executeUpdate();
        if (inserted == 1) {
            gauges.remaining(id, 0);
        }
        return inserted == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CodePool> find(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select p.id, p.campaign_id, p.low_water, count(c.seq), count(c.incentive_id)
                        from code_pool p left join pool_code c on c.pool_id = p.id
                        where p.id = :id
                        group by p.id
                        """)
                .setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            long total = ((Number) row[3]).longValue();
            long allocated = ((Number) row[4]).longValue();
            return new CodePool(
                    (String) row[0],
                    (String) row[1],
                    ((Number) row[2]).longValue(),
                    total,
                    allocated,
                    total - allocated);
        });
    }

    /** The codes among these that some pool holds already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> existing(List<String> codes) {
        Set<String> found = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("select code from pool_code where code = any(?)")) {
                for (int from = 0; from < codes.size(); from += BATCH) {
                    List<String> batch = codes.subList(from, Math.min(codes.size(), from + BATCH));
                    select.setArray(1, connection.createArrayOf("varchar", batch.toArray()));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getString(1));
                        }
                    }
                }
            }
        });
        return found;
    }

    /**
     * Adds the codes, in order, to the pool. A code that another import added meanwhile breaks the unique key and
     * rolls the whole import back. An import that lifts the pool above its low-water mark re-arms the announcement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String poolId, List<String> codes) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into pool_code (pool_id, code) values (?, ?)")) {
                for (int i = 0; i < codes.size(); i++) {
                    insert.setString(1, poolId);
                    insert.setString(2, codes.get(i));
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        long remaining = remaining(poolId);
        entityManager
                .createNativeQuery(
                        "update code_pool set low_announced_at = null where id = :id and low_water < :remaining")
                .setParameter("id", poolId)
                .setParameter("remaining", remaining)
                .executeUpdate();
        gauges.remaining(poolId, remaining);
    }

    /** The next free code of the pool, now allocated to the incentive; empty when none is left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> allocate(String poolId, UUID incentiveId) {
        @SuppressWarnings("unchecked")
        List<String> allocated = entityManager
                .createNativeQuery(
                        """
                        update pool_code set incentive_id = :incentive, allocated_at = now()
                        where seq = (select seq from pool_code
                                     where pool_id = :pool and incentive_id is null
                                     order by seq limit 1
                                     for update skip locked)
                        returning code
                        """)
                .setParameter("incentive", incentiveId)
                .setParameter("pool", poolId)
                .getResultList();
        long remaining = remaining(poolId);
        gauges.remaining(poolId, remaining);
        announceIfLow(poolId, remaining);
        return allocated.stream().findFirst();
    }

    /**
     * Corrects the gauges and catches a crossing that concurrent allocations hid from each other: each counts the
     * free codes without seeing the others' uncommitted allocations.
     */
    @Scheduled(every = "${faro.code-pools.measure-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void measure() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select p.id, count(c.seq) - count(c.incentive_id), count(c.incentive_id)
                        from code_pool p left join pool_code c on c.pool_id = p.id
                        group by p.id
                        """)
                .getResultList();
        for (Object[] row : rows) {
            String poolId = (String) row[0];
            long remaining = ((Number) row[1]).longValue();
            gauges.remaining(poolId, remaining);
            // A pool being filled is not running low: only allocations draw it down.
            if (((Number) row[2]).longValue() > 0) {
                announceIfLow(poolId, remaining);
            }
        }
    }

    private long remaining(String poolId) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from pool_code where pool_id = :pool and incentive_id is null")
                        .setParameter("pool", poolId)
                        .getSingleResult())
                .longValue();
    }

    /** Announces the crossing once: the conditional update on the pool's row lets exactly one transaction win. */
    private void announceIfLow(String poolId, long remaining) {
        @SuppressWarnings("unchecked")
        List<Object[]> crossed = entityManager
                .createNativeQuery(
                        """
                        update code_pool set low_announced_at = now()
                        where id = :id and low_announced_at is null and low_water >= :remaining
                        returning campaign_id, low_water
                        """)
                .setParameter("id", poolId)
                .setParameter("remaining", remaining)
                .getResultList();
        for (Object[] row : crossed) {
            outbox.append(
                    poolId, new CodePoolRunningLow(poolId, (String) row[0], remaining, ((Number) row[1]).longValue()));
        }
    }
}
