package dev.faro.incentive.issuing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Reads the incentive table, for assertions. */
@ApplicationScoped
public class IncentiveRows {

    private final EntityManager entityManager;

    public IncentiveRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public long countFor(UUID leadId) {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from incentive where lead_id = :lead")
                        .setParameter("lead", leadId)
                        .getSingleResult())
                .longValue();
    }
}
