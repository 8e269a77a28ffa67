package dev.faro.email.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Forgets a lead: its key, its contact, its events still waiting for the key, the messages not sent yet; the ledger keeps only what was sent, with
 * its template values cleared. The id is remembered so a later or replayed event about the lead is ignored.
 */
@ApplicationScoped
public class ErasedLeads {

    private final EntityManager entityManager;
    private final LeadKeyStore keys;
    private final LeadKeyLock lock;

    public ErasedLeads(EntityManager entityManager, LeadKeyStore keys, LeadKeyLock lock) {
        this.entityManager = entityManager;
        this.keys = keys;
        this.lock = lock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID leadId) {
        lock.hold(leadId);
        entityManager
                .createNativeQuery("insert into erased_lead (lead_id) values (:lead) on conflict do nothing")
                .setParameter("lead", leadId)
                .executeUpdate();
        keys.forget(leadId);
        entityManager
                .createNativeQuery("delete from contact where lead_id = :lead")
                .setParameter("lead", leadId)
                .executeUpdate();
        entityManager
                .createNativeQuery(
                        "delete from send_ledger where lead_id = :lead and status in ('pending', 'attempting')")
                .setParameter("lead", leadId)
                .executeUpdate();
        entityManager
                .createNativeQuery("update send_ledger set params = '{}'::jsonb where lead_id = :lead")
                .setParameter("lead", leadId)
                .executeUpdate();
        // The code kept for the expiry reminder, what the person opened and clicked, and that they confirmed are
        // theirs too.
        for (String table : List.of(
                "lead_event_awaiting_key", "reminder_incentive", "email_open", "email_click", "confirmed_lead")) {
            entityManager
                    .createNativeQuery("delete from " + table + " where lead_id = :lead")
                    .setParameter("lead", leadId)
                    .executeUpdate();
        }
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
