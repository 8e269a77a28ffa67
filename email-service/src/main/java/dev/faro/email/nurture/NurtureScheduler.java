package dev.faro.email.nurture;

import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.LeadConfirmed;
import dev.faro.email.contact.ContactSaved;
import dev.faro.email.sending.DueMessage;
import dev.faro.email.sending.MessageSent;
import dev.faro.email.sending.SendIntent;
import dev.faro.email.sending.SendLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Puts a lead's nurture steps in the send ledger one at a time: the first when the sequence starts, each next one
 * when the previous was sent, in the transaction that records that send. Nothing but the ledger holds the schedule,
 * and its key (lead, kind, step) makes a redelivered event or a restart add nothing. A step that ends cancelled or
 * failed is never followed, so it ends the sequence.
 */
@ApplicationScoped
public class NurtureScheduler {

    private static final Logger LOG = Logger.getLogger(NurtureScheduler.class);

    private final NurtureSequences sequences;
    private final SendLedger ledger;
    private final EntityManager entityManager;

    public NurtureScheduler(NurtureSequences sequences, SendLedger ledger, EntityManager entityManager) {
        this.sequences = sequences;
        this.ledger = ledger;
        this.entityManager = entityManager;
    }

    /**
     * A captured lead who agreed to marketing starts the sequence, unless it must first confirm its address (double
     * opt-in): then {@link LeadConfirmed} starts it. Observed inside the consumer's transaction.
     */
    void onContactSaved(@Observes ContactSaved saved) {
        LeadCaptured lead = saved.lead();
        boolean consenting = lead.consent() != null && lead.consent().marketing();
        if (consenting && !lead.confirmationRequired()) {
            start(lead.leadId(), lead.campaign());
        }
    }

    /** Fired by the leads consumer, inside its transaction, for a lead that is not erased. */
    void onConfirmed(@Observes LeadConfirmed confirmed) {
        @SuppressWarnings("unchecked")
        List<Object[]> contact = entityManager
                .createNativeQuery("select campaign, marketing_consent from contact where lead_id = :lead")
                .setParameter("lead", confirmed.leadId())
                .getResultList();
        if (!contact.isEmpty() && Boolean.TRUE.equals(contact.get(0)[1])) {
            start(confirmed.leadId(), (String) contact.get(0)[0]);
        }
    }

    /** Fired inside the transaction that marks a message sent: the next step commits with it or not at all. */
    void onSent(@Observes MessageSent sent) {
        DueMessage message = sent.message();
        if (NurtureEmail.KIND.equals(message.kind())) {
            schedule(message.leadId(), message.campaign(), message.step() + 1, Instant.now());
        }
    }

    private void start(UUID leadId, String campaign) {
        schedule(leadId, campaign, 1, Instant.now());
    }

    /** Records step {@code position} of the campaign's current sequence, its delay counted from {@code from}. */
    private void schedule(UUID leadId, String campaign, int position, Instant from) {
        sequences.step(campaign, position).ifPresent(step -> {
            NurtureEmail.Params params = new NurtureEmail.Params(
                    step.template(), position, step.condition().code());
            boolean added = ledger.record(new SendIntent(leadId, NurtureEmail.KIND, position, campaign, params)
                    .dueAt(from.plus(step.duration())));
            if (added) {
                LOG.debugf("Nurture step %d of %s scheduled for lead %s", position, campaign, leadId);
            }
        });
    }
}
