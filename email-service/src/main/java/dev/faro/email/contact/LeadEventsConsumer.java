package dev.faro.email.contact;

import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.contract.events.ErasureLinkRequested;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.LeadConfirmed;
import dev.faro.contract.events.LeadErased;
import dev.faro.contract.events.PersonalData;
import dev.faro.email.confirmation.ConfirmationIntents;
import dev.faro.email.privacy.ErasedLeads;
import dev.faro.email.privacy.ErasureLinkIntents;
import dev.faro.email.privacy.LeadKeyStore;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps a contact for every captured lead, so the sender knows where and in which language to write, and
 * forgets it when the lead is erased. The address arrives sealed; the lead's key comes from faro.lead-keys.
 */
@ApplicationScoped
public class LeadEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public LeadEventsConsumer(
            EventInbox inbox,
            Contacts contacts,
            LeadKeyStore keys,
            ErasedLeads erased,
            ConfirmationIntents confirmationIntents,
            ErasureLinkIntents erasureLinks,
            Event<LeadConfirmed> confirmations) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(LeadCaptured.class, (event, lead) -> {
                    if (!erased.isErased(lead.leadId())) {
                        contacts.save(lead, keys.open(lead.leadId(), lead.personal(), PersonalData.class));
                    }
                })
                .on(LeadErased.class, (event, erasure) -> erased.erase(erasure.leadId()))
                // Observed inside this transaction by what a confirmation starts or ends (a nurture sequence, the
                // confirmation reminder).
                .on(LeadConfirmed.class, (event, confirmed) -> {
                    if (!erased.isErased(confirmed.leadId())) {
                        confirmations.fire(confirmed);
                    }
                })
                .on(ConfirmationRequested.class, (event, requested) -> confirmationIntents.record(requested))
                .on(ErasureLinkRequested.class, (event, requested) -> erasureLinks.record(requested))
                .build();
    }

    @Incoming("leads")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}
