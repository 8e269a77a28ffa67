package dev.faro.incentive.issuing;

import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.LeadConfirmed;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Issues an incentive when a lead may have one: at capture, or at confirmation where the campaign asks for
 * double opt-in.
 */
@ApplicationScoped
public class LeadEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public LeadEventsConsumer(EventInbox inbox, IncentiveIssuer issuer) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(LeadCaptured.class, (event, lead) -> {
                    if (!lead.confirmationRequired()) {
                        issuer.issue(lead.leadId(), lead.campaign());
                    }
                })
                .on(LeadConfirmed.class, (event, confirmed) -> issuer.issue(confirmed.leadId(), confirmed.campaign()))
                .build();
    }

    @Incoming("leads")
    @Blocking
    public void onLeadEvent(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}
