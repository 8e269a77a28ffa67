package dev.faro.email.contact;

import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.contract.events.ErasureLink;
import dev.faro.contract.events.ErasureLinkRequested;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.LeadConfirmed;
import dev.faro.contract.events.LeadErased;
import dev.faro.contract.events.PersonalData;
import dev.faro.email.confirmation.ConfirmationIntents;
import dev.faro.email.privacy.ErasedLeads;
import dev.faro.email.privacy.ErasureLinkIntents;
import dev.faro.email.privacy.LeadKeyKept;
import dev.faro.email.privacy.LeadKeyStore;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps a contact for every captured lead, so the sender knows where and in which language to write, and
 * forgets it when the lead is erased. The address arrives sealed; the lead's key comes from faro.lead-keys. A lead's
 * events that arrive before its key wait for it without holding this channel ({@link LeadEventsAwaitingKey}).
 */
@ApplicationScoped
public class LeadEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;
    private final LeadEventsAwaitingKey awaitingKey;

    public LeadEventsConsumer(
            EventInbox inbox,
            LeadEventsAwaitingKey awaitingKey,
            Contacts contacts,
            LeadKeyStore keys,
            ErasedLeads erased,
            ConfirmationIntents confirmationIntents,
            ErasureLinkIntents erasureLinks,
            Event<LeadConfirmed> confirmations) {
        this.inbox = inbox;
        this.awaitingKey = awaitingKey;
        this.handlers = EventHandlers.builder()
                .on(
                        LeadCaptured.class,
                        awaitingKey.needingKey(
                                LeadCaptured.class,
                                LeadCaptured::leadId,
                                LeadCaptured::personal,
                                PersonalData.class,
                                (event, lead) -> contacts.save(
                                        lead, keys.open(lead.leadId(), lead.personal(), PersonalData.class))))
                .on(LeadErased.class, (event, erasure) -> erased.erase(erasure.leadId()))
                // Observed inside this transaction by what a confirmation starts or ends (a nurture sequence, the
                // confirmation reminder), which expect the contact, so it waits behind a capture waiting for its key.
                .on(
                        LeadConfirmed.class,
                        awaitingKey.inTurn(LeadConfirmed::leadId, (event, confirmed) -> confirmations.fire(confirmed)))
                .on(
                        ConfirmationRequested.class,
                        awaitingKey.needingKey(
                                ConfirmationRequested.class,
                                ConfirmationRequested::leadId,
                                ConfirmationRequested::link,
                                ConfirmationLink.class,
                                (event, requested) -> confirmationIntents.record(requested)))
                .on(
                        ErasureLinkRequested.class,
                        awaitingKey.needingKey(
                                ErasureLinkRequested.class,
                                ErasureLinkRequested::leadId,
                                ErasureLinkRequested::link,
                                ErasureLink.class,
                                (event, requested) -> erasureLinks.record(requested)))
                .build();
    }

    @Incoming("leads")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.receiveAll(records, handlers);
    }

    /** Handles what waited for the lead's key, in the transaction that keeps it. */
    void onKeyKept(@Observes LeadKeyKept kept) {
        for (LeadEventsAwaitingKey.Released released : awaitingKey.release(kept.leadId())) {
            handlers.dispatch(released.event(), released.data());
        }
    }
}
