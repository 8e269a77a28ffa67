package dev.faro.analytics.funnel;

import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The live side of the funnel: every record of the four event-log topics, counted once through the inbox. Each poll
 * is taken whole and applied up to {@code faro.inbox.max-batch} events per transaction, whose counts are written
 * together when it commits ({@link TransactionFunnelTally}).
 */
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
    public void onVisitEvents(ConsumerRecords<String, String> records) {
        inbox.receiveAll(records, handlers);
    }

    @Incoming("leads")
    @Blocking
    public void onLeadEvents(ConsumerRecords<String, String> records) {
        inbox.receiveAll(records, handlers);
    }

    @Incoming("incentives")
    @Blocking
    public void onIncentiveEvents(ConsumerRecords<String, String> records) {
        inbox.receiveAll(records, handlers);
    }

    @Incoming("emails")
    @Blocking
    public void onEmailEvents(ConsumerRecords<String, String> records) {
        inbox.receiveAll(records, handlers);
    }
}
