package dev.faro.email.confirmation;

import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.email.link.SealedLinkIntents;
import dev.faro.email.link.SealedLinkIntents.LinkRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Turns each {@code ConfirmationRequested} into an intent to send the confirmation email, one per attempt: the
 * ledger's key (lead, kind, step = attempt) keeps a redelivered request from sending a second copy. The first
 * attempt also schedules the one reminder ({@link ConfirmationReminders}).
 */
@ApplicationScoped
public class ConfirmationIntents {

    private final SealedLinkIntents links;
    private final ConfirmationReminders reminders;

    public ConfirmationIntents(SealedLinkIntents links, ConfirmationReminders reminders) {
        this.links = links;
        this.reminders = reminders;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ConfirmationRequested requested) {
        links.record(new LinkRequest<>(
                requested.leadId(),
                requested.campaign(),
                ConfirmationEmail.KIND,
                requested.attempt(),
                requested.expiresAt(),
                requested.locale(),
                requested.link(),
                ConfirmationLink.class,
                ConfirmationLink::url));
        reminders.schedule(requested, Instant.now());
    }
}
