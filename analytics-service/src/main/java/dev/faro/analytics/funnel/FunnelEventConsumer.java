package dev.faro.analytics.funnel;

import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The live side of the funnel: every record of the four event-log topics, counted once through the inbox. */
@ApplicationScoped
public class FunnelEventConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public FunnelEventConsumer(EventInbox inbox, FunnelCounting counting) {
        this.inbox = inbox;
        this.handlers = counting.handlers();
    }

    @Incoming("visits")
    @Blocking
    public void onVisitEvent(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }

    @Incoming("leads")
    @Blocking
    public void onLeadEvent(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }

    @Incoming("incentives")
    @Blocking
    public void onIncentiveEvent(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }

    @Incoming("emails")
    @Blocking
    public void onEmailEvent(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}
