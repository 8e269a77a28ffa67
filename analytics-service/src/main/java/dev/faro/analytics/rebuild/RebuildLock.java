package dev.faro.analytics.rebuild;

import dev.faro.support.inbox.InboxBarrier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps the live consumers and the swap of rebuilt tables apart. Every inbox transaction takes a PostgreSQL
 * transaction-level advisory lock in shared mode, so they never wait on one another; the swap takes it
 * exclusively, which waits for the transactions under way and holds back new ones until the rebuilt tables are
 * in place. A transaction held back then finds its event among the processed ones if the rebuild counted it.
 */
@ApplicationScoped
public class RebuildLock implements InboxBarrier {

    /** An arbitrary number that no other advisory lock of this database uses ("faro" "rbld" in ASCII). */
    static final long KEY = 0x6661726f72626c64L;

    private final EntityManager entityManager;

    public RebuildLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void enter() {
        take("pg_advisory_xact_lock_shared");
    }

    /** Waits for every inbox transaction under way to end; held until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdBackConsumers() {
        take("pg_advisory_xact_lock");
    }

    private void take(String function) {
        // The lock functions return void, which JPA cannot map; counting the one row they return can be.
        entityManager
                .createNativeQuery("select count(*) from (select " + function + "(:key)) as locked")
                .setParameter("key", KEY)
                .getSingleResult();
    }
}
