package dev.faro.email.incentive;

import dev.faro.contract.events.IncentiveExpiring;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.contract.events.IncentiveRedeemed;
import dev.faro.email.privacy.ErasedLeads;
import dev.faro.email.reminder.ExpiryReminders;
import dev.faro.email.sending.SendIntent;
import dev.faro.email.sending.SendLedger;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns each issued incentive into an intent to email it. It never talks to SMTP: the sender does, on its
 * own thread, once the lead's contact is known.
 */
@ApplicationScoped
public class IncentiveEventsConsumer {

    private static final Logger LOG = Logger.getLogger(IncentiveEventsConsumer.class);

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public IncentiveEventsConsumer(EventInbox inbox, SendLedger ledger, ErasedLeads erased, ExpiryReminders reminders) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(IncentiveIssued.class, (event, issued) -> {
                    // Incentives travel on their own topic: one issued just before an erasure can arrive after it.
                    if (erased.isErased(issued.leadId())) {
                        return;
                    }
                    reminders.issued(issued);
                    IncentiveEmail.Params params = IncentiveEmail.Params.of(issued);
                    if (!params.hasCode() && !params.hasContent()) {
                        LOG.warnf(
                                "Incentive %s for lead %s has nothing to email", issued.incentiveId(), issued.leadId());
                        return;
                    }
                    ledger.record(new SendIntent(
                            issued.leadId(), IncentiveEmail.KIND, IncentiveEmail.STEP, issued.campaign(), params));
                })
                .on(IncentiveExpiring.class, (event, expiring) -> reminders.expiring(expiring))
                .on(IncentiveRedeemed.class, (event, redeemed) -> reminders.redeemed(redeemed))
                .build();
    }

    @Incoming("incentives")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.receiveAll(records, handlers);
    }
}
