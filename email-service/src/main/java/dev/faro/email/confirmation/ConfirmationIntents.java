package dev.faro.email.confirmation;

import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.email.privacy.ErasedLeads;
import dev.faro.email.privacy.LeadKeyStore;
import dev.faro.email.sending.SendIntent;
import dev.faro.email.sending.SendLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Turns each {@code ConfirmationRequested} into an intent to send the confirmation email, one per attempt: the
 * ledger's key (lead, kind, step = attempt) keeps a redelivered request from sending a second copy. lead-service
 * already limits how many requests an address gets, so every request that arrives is honoured.
 */
@ApplicationScoped
public class ConfirmationIntents {

    private static final Logger LOG = Logger.getLogger(ConfirmationIntents.class);

    private final SendLedger ledger;
    private final LeadKeyStore keys;
    private final ErasedLeads erased;

    public ConfirmationIntents(SendLedger ledger, LeadKeyStore keys, ErasedLeads erased) {
        this.ledger = ledger;
        this.keys = keys;
        this.erased = erased;
    }

    /** Runs in the inbox transaction; a key that has not arrived yet makes the inbox retry the request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ConfirmationRequested requested) {
        if (erased.isErased(requested.leadId())) {
            return;
        }
        if (!requested.expiresAt().isAfter(Instant.now())) {
            LOG.infof(
                    "Confirmation request %d of lead %s arrived after its link expired; not sent",
                    requested.attempt(), requested.leadId());
            return;
        }
        String url = keys.open(requested.leadId(), requested.link(), ConfirmationLink.class)
                .url();
        if (!isWebLink(url)) {
            LOG.warnf(
                    "Confirmation request %d of lead %s has no web link; not sent",
                    requested.attempt(), requested.leadId());
            return;
        }
        ledger.record(new SendIntent(
                requested.leadId(),
                ConfirmationEmail.KIND,
                requested.attempt(),
                requested.campaign(),
                new ConfirmationEmail.Params(url, requested.expiresAt(), requested.locale())));
    }

    /** Only http(s) links go into an email. */
    private static boolean isWebLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
