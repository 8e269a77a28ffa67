package dev.faro.email.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Serialises, until the caller's transaction ends, the transactions that decide what waits for one lead's data key:
 * the key's arrival (faro.lead-keys), a capture that finds no key (faro.leads) and the lead's erasure (either topic);
 * and those that decide what waits for its contact: the contact's saving and an email intent that finds no contact.
 * They run on different channels, so without it a capture could look for the key, miss it, and store itself to
 * wait just after the key's transaction looked for waiting captures and found none: it would wait forever.
 */
@ApplicationScoped
public class LeadKeyLock {

    /** Keeps these locks apart from any other advisory lock taken in this database. */
    private static final int LOCK_SPACE = 0x4c4b4559;

    private final EntityManager entityManager;

    public LeadKeyLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits for any other transaction holding the lead's lock; this one then holds it until it ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(UUID leadId) {
        entityManager
                .createNativeQuery("select count(*) from pg_advisory_xact_lock(:space, :key)")
                .setParameter("space", LOCK_SPACE)
                .setParameter("key", leadId.hashCode())
                .getSingleResult();
    }
}
