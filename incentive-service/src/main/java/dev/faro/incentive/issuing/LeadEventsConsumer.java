package dev.faro.incentive.issuing;

import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.LeadConfirmed;
import dev.faro.contract.events.LeadErased;
import dev.faro.incentive.privacy.ErasedLeads;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Issues an incentive when a lead may have one: at capture, or at confirmation where the campaign asks for
 * double opt-in; never to an erased lead, however late or often its events arrive.
 */
@ApplicationScoped
public class LeadEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public LeadEventsConsumer(
            EventInbox inbox, IncentiveIssuer issuer, LeadAttribution attribution, ErasedLeads erased) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(LeadCaptured.class, (event, lead) -> {
                    if (erased.isErased(lead.leadId())) {
                        return;
                    }
                    if (lead.confirmationRequired()) {
                        attribution.remember(lead.leadId(), lead.campaign(), lead.variant());
                    } else {
                        issuer.issue(lead.leadId(), lead.campaign(), lead.variant());
                    }
                })
                .on(LeadConfirmed.class, (event, confirmed) -> {
                    if (!erased.isErased(confirmed.leadId())) {
                        String variant = attribution.variantOf(confirmed.leadId(), confirmed.campaign());
                        issuer.issue(confirmed.leadId(), confirmed.campaign(), variant);
                        attribution.forget(confirmed.leadId(), confirmed.campaign());
                    }
                })
                .on(LeadErased.class, (event, erasure) -> erased.erase(erasure.leadId()))
                .build();
    }

    @Incoming("leads")
    @Blocking
    public void onLeadEvents(ConsumerRecords<String, String> records) {
        inbox.receiveAll(records, handlers);
    }
}
