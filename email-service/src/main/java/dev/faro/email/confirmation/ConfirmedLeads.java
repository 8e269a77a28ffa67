package dev.faro.email.confirmation;

import dev.faro.contract.events.LeadConfirmed;
import dev.faro.email.sending.SendLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The leads that followed their double opt-in link. A confirmation cancels the reminder still waiting and is
 * remembered, so {@link ConfirmationReminderGate} also stops a reminder that a sender had already claimed.
 */
@ApplicationScoped
public class ConfirmedLeads {

    static final String CANCELLED_REASON = "confirmed";

    private final EntityManager entityManager;
    private final SendLedger ledger;

    public ConfirmedLeads(EntityManager entityManager, SendLedger ledger) {
        this.entityManager = entityManager;
        this.ledger = ledger;
    }

    /** Fired by the lead events consumer inside the transaction that handles the LeadConfirmed. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onConfirmed(@Observes LeadConfirmed confirmed) {
        entityManager
                .createNativeQuery("insert into confirmed_lead (lead_id) values (:lead) on conflict do nothing")
                .setParameter("lead", confirmed.leadId())
                .executeUpdate();
        ledger.cancelPending(confirmed.leadId(), List.of(ConfirmationReminderEmail.KIND), CANCELLED_REASON);
    }

    @Transactional
    public boolean isConfirmed(UUID leadId) {
        return !entityManager
                .createNativeQuery("select 1 from confirmed_lead where lead_id = :lead")
                .setParameter("lead", leadId)
                .getResultList()
                .isEmpty();
    }
}
