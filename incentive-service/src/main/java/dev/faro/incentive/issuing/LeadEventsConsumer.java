package dev.faro.incentive.issuing;

import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.LeadConfirmed;
import dev.faro.contract.events.LeadErased;
import dev.faro.incentive.privacy.ErasedLeads;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Issues an incentive when a lead may have one: at capture, or at confirmation where the campaign asks for
 * double opt-in; never to an erased lead, however late or often its events arrive.
 */
@ApplicationScoped
public class LeadEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public LeadEventsConsumer(EventInbox inbox, IncentiveIssuer issuer, ErasedLeads erased) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(LeadCaptured.class, (event, lead) -> {
                    if (!lead.confirmationRequired() && !erased.isErased(lead.leadId())) {
                        issuer.issue(lead.leadId(), lead.campaign());
                    }
                })
                .on(LeadConfirmed.class, (event, confirmed) -> {
                    if (!erased.isErased(confirmed.leadId())) {
                        issuer.issue(confirmed.leadId(), confirmed.campaign());
                    }
                })
                .on(LeadErased.class, (event, erasure) -> erased.erase(erasure.leadId()))
                .build();
    }

    @Incoming("leads")
    @Blocking
    public void onLeadEvent(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}
