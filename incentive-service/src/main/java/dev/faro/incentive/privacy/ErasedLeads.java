package dev.faro.incentive.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Forgets a lead: its incentives and redemptions stay for the campaign's numbers, detached from the person (no lead
 * id, no code, no order id), its downloads and refusals go,
 * and the id is remembered so that a later or replayed event about the lead issues nothing.
 */
@ApplicationScoped
public class ErasedLeads {

    private final EntityManager entityManager;

    public ErasedLeads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID leadId) {
        entityManager
                .createNativeQuery("insert into erased_lead (lead_id) values (:lead) on conflict do nothing")
                .setParameter("lead", leadId)
                .executeUpdate();
        entityManager
                .createNativeQuery(
                        "delete from content_download where incentive_id in (select id from incentive where lead_id = :lead)")
                .setParameter("lead", leadId)
                .executeUpdate();
        // The shop's order id leads back to its customer; the order's value stays for the campaign's revenue.
        entityManager
                .createNativeQuery(
                        """
                        update redemption set order_id = 'erased-' || gen_random_uuid()
                        where incentive_id in (select id from incentive where lead_id = :lead)
                        """)
                .setParameter("lead", leadId)
                .executeUpdate();
        entityManager
                .createNativeQuery(
                        """
                        update incentive set lead_id = null, code = null, anonymised_at = now()
                        where lead_id = :lead
                        """)
                .setParameter("lead", leadId)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from lead_attribution where lead_id = :lead")
                .setParameter("lead", leadId)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from incentive_refusal where lead_id = :lead")
                .setParameter("lead", leadId)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isErased(UUID leadId) {
        return !entityManager
                .createNativeQuery("select 1 from erased_lead where lead_id = :lead")
                .setParameter("lead", leadId)
                .getResultList()
                .isEmpty();
    }
}
