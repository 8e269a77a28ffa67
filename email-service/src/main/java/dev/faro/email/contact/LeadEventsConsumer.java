package dev.faro.email.contact;

import dev.faro.contract.events.LeadCaptured;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps a contact for every captured lead, so the sender knows where and in which language to write. */
@ApplicationScoped
public class LeadEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public LeadEventsConsumer(EventInbox inbox, Contacts contacts) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(LeadCaptured.class, (event, lead) -> contacts.save(lead))
                .build();
    }

    @Incoming("leads")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}
