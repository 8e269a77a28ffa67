package dev.faro.email.digest;

import dev.faro.contract.events.DigestReady;
import dev.faro.email.sending.SendIntent;
import dev.faro.email.sending.SendLedger;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns each DigestReady into one send per recipient, addressed directly (a marketer has no contact row). The
 * ledger key of each copy is derived from the digest and the address, so a redelivered digest adds nothing.
 */
@ApplicationScoped
public class DigestEventsConsumer {

    private static final Logger LOG = Logger.getLogger(DigestEventsConsumer.class);

    private final EventInbox inbox;
    private final SendLedger ledger;
    private final EventHandlers handlers;

    public DigestEventsConsumer(EventInbox inbox, SendLedger ledger) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.handlers = EventHandlers.builder()
                .on(DigestReady.class, (event, digest) -> record(digest))
                .build();
    }

    @Incoming("digests")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }

    private void record(DigestReady digest) {
        DigestRules.Accepted accepted = DigestRules.check(digest);
        if (!accepted.skippedRecipients().isEmpty()) {
            // Positions, not addresses: the log is no place for them.
            LOG.warnf(
                    "Digest %s of campaign %s: recipients %s have no valid address and are left out",
                    digest.digestId(), digest.campaign(), accepted.skippedRecipients());
        }
        if (accepted.chartRefusal() != null) {
            LOG.warnf(
                    "Digest %s of campaign %s goes without its chart: %s",
                    digest.digestId(), digest.campaign(), accepted.chartRefusal());
        }
        for (DigestReady.Recipient recipient : accepted.recipients()) {
            DigestEmail.Params params = new DigestEmail.Params(
                    digest.campaign(),
                    digest.periodStart(),
                    digest.periodEnd(),
                    accepted.subject(),
                    digest.html(),
                    digest.text(),
                    accepted.chartPngBase64(),
                    recipient.locale());
            ledger.record(new SendIntent(
                            DigestAddresses.ledgerKey(digest.digestId(), recipient.email()),
                            DigestEmail.KIND,
                            DigestEmail.STEP,
                            digest.campaign(),
                            params)
                    .to(recipient.email()));
        }
    }
}
