package dev.faro.analytics.funnel;

import dev.faro.contract.events.EmailSent;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Counts the funnel from the event log. Each event is counted on the UTC day of its {@code time}, when it
 * happened rather than when analytics read it, so a replay or a lagging consumer lands on the same day.
 * Other event types on these topics are not part of this funnel and are skipped.
 */
@ApplicationScoped
public class FunnelEventConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public FunnelEventConsumer(EventInbox inbox, FunnelStore funnel) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(
                        LeadCaptured.class,
                        (event, lead) -> funnel.count(lead.campaign(), event.time(), FunnelStage.LEAD_CAPTURED))
                .on(
                        IncentiveIssued.class,
                        (event, incentive) ->
                                funnel.count(incentive.campaign(), event.time(), FunnelStage.INCENTIVE_ISSUED))
                .on(EmailSent.class, (event, email) -> {
                    // The funnel's email stage is the incentive reaching the lead; confirmation links and
                    // nurture mails are other messages.
                    if (EmailSent.KIND_INCENTIVE.equals(email.messageKind())) {
                        funnel.count(email.campaign(), event.time(), FunnelStage.EMAIL_SENT);
                    }
                })
                .build();
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
