package dev.faro.email.privacy;

import dev.faro.contract.events.ErasureLink;
import dev.faro.contract.events.ErasureLinkRequested;
import dev.faro.email.sending.SendIntent;
import dev.faro.email.sending.SendLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Turns each {@code ErasureLinkRequested} into an intent to send the erasure-link email. lead-service already
 * limits how many links a lead is sent, so every request that arrives is honoured, once.
 */
@ApplicationScoped
public class ErasureLinkIntents {

    private static final Logger LOG = Logger.getLogger(ErasureLinkIntents.class);

    private final SendLedger ledger;
    private final LeadKeyStore keys;
    private final ErasedLeads erased;

    public ErasureLinkIntents(SendLedger ledger, LeadKeyStore keys, ErasedLeads erased) {
        this.ledger = ledger;
        this.keys = keys;
        this.erased = erased;
    }

    /** Runs in the inbox transaction; a key that has not arrived yet makes the inbox retry the request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ErasureLinkRequested requested) {
        if (erased.isErased(requested.leadId())) {
            return;
        }
        if (!requested.expiresAt().isAfter(Instant.now())) {
            LOG.infof("Erasure link of lead %s arrived after it expired; not sent", requested.leadId());
            return;
        }
        String url = keys.open(requested.leadId(), requested.link(), ErasureLink.class)
                .url();
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            LOG.warnf("Erasure link of lead %s is not a web link; not sent", requested.leadId());
            return;
        }
        ledger.record(new SendIntent(
                requested.leadId(),
                ErasureLinkEmail.KIND,
                step(requested.expiresAt()),
                requested.campaign(),
                new ErasureLinkEmail.Params(url, requested.expiresAt(), requested.locale())));
    }

    /**
     * The ledger's step of one link: its expiry, in minutes since the epoch. Each request carries its own expiry, so
     * each is its own message, while a copy of the same request adds nothing.
     */
    static int step(Instant expiresAt) {
        return Math.toIntExact(expiresAt.getEpochSecond() / 60);
    }
}
