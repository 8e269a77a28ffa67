package dev.faro.email.privacy;

import dev.faro.contract.events.ErasureLink;
import dev.faro.contract.events.ErasureLinkRequested;
import dev.faro.email.link.SealedLinkIntents;
import dev.faro.email.link.SealedLinkIntents.LinkRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Turns each {@code ErasureLinkRequested} into an intent to send the erasure-link email, once. */
@ApplicationScoped
public class ErasureLinkIntents {

    private final SealedLinkIntents links;

    public ErasureLinkIntents(SealedLinkIntents links) {
        this.links = links;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ErasureLinkRequested requested) {
        links.record(new LinkRequest<>(
                requested.leadId(),
                requested.campaign(),
                ErasureLinkEmail.KIND,
                step(requested.expiresAt()),
                requested.expiresAt(),
                requested.locale(),
                requested.link(),
                ErasureLink.class,
                ErasureLink::url));
    }

    /**
     * The ledger's step of one link: its expiry, in minutes since the epoch. Each request carries its own expiry, so
     * each is its own message, while a copy of the same request adds nothing.
     */
    static int step(Instant expiresAt) {
        return Math.toIntExact(expiresAt.getEpochSecond() / 60);
    }
}
