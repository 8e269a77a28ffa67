package dev.faro.email.link;

import dev.faro.contract.events.Sealed;
import dev.faro.email.privacy.ErasedLeads;
import dev.faro.email.privacy.LeadKeyStore;
import dev.faro.email.sending.SendIntent;
import dev.faro.email.sending.SendLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Turns a request to email a sealed one-time link (double opt-in, self-service erasure) into a send intent. The
 * link is opened with the lead's key, so a key that has not arrived yet makes the inbox retry the request; a
 * request for an erased lead, an expired link or anything but a web link is dropped. lead-service already limits
 * how many links are asked for, so every other request is honoured, once per (lead, kind, step).
 */
@ApplicationScoped
public class SealedLinkIntents {

    private static final Logger LOG = Logger.getLogger(SealedLinkIntents.class);

    private final SendLedger ledger;
    private final LeadKeyStore keys;
    private final ErasedLeads erased;

    public SealedLinkIntents(SendLedger ledger, LeadKeyStore keys, ErasedLeads erased) {
        this.ledger = ledger;
        this.keys = keys;
        this.erased = erased;
    }

    /** One link to email: which message it is, and the sealed record that holds its URL. */
    public record LinkRequest<L extends Record>(
            UUID leadId,
            String campaign,
            String kind,
            int step,
            Instant expiresAt,
            String locale,
            Sealed link,
            Class<L> linkType,
            Function<L, String> urlOf) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public <L extends Record> void record(LinkRequest<L> request) {
        if (erased.isErased(request.leadId())) {
            return;
        }
        if (!request.expiresAt().isAfter(Instant.now())) {
            LOG.infof("The %s link of lead %s arrived after it expired; not sent", request.kind(), request.leadId());
            return;
        }
        String url = request.urlOf().apply(keys.open(request.leadId(), request.link(), request.linkType()));
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            LOG.warnf("The %s link of lead %s is not a web link; not sent", request.kind(), request.leadId());
            return;
        }
        ledger.record(new SendIntent(
                request.leadId(),
                request.kind(),
                request.step(),
                request.campaign(),
                new LinkParams(url, request.expiresAt(), request.locale())));
    }
}
