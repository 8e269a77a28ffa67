package dev.faro.email.confirmation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.email.link.LinkParams;
import dev.faro.email.sending.DueMessage;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.SendGate;
import dev.faro.email.sending.SendVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Stops a confirmation reminder that is no longer of use at the last moment: the lead confirmed (a LeadConfirmed
 * that arrived while the reminder was being claimed, which {@code cancelPending} cannot reach), or the link it
 * repeats has expired meanwhile (the sender was down for a long time, say).
 */
@ApplicationScoped
public class ConfirmationReminderGate implements SendGate {

    private final ConfirmedLeads confirmed;
    private final ObjectMapper mapper;

    public ConfirmationReminderGate(ConfirmedLeads confirmed, ObjectMapper mapper) {
        this.confirmed = confirmed;
        this.mapper = mapper;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public SendVerdict check(DueMessage message, MailCategory category) {
        if (!ConfirmationReminderEmail.KIND.equals(message.kind())) {
            return SendVerdict.go();
        }
        if (confirmed.isConfirmed(message.leadId())) {
            return SendVerdict.cancel(ConfirmedLeads.CANCELLED_REASON);
        }
        if (!linkOf(message).expiresAt().isAfter(Instant.now())) {
            return SendVerdict.cancel("the confirmation link has expired");
        }
        return SendVerdict.go();
    }

    private LinkParams linkOf(DueMessage message) {
        return message.readParams(mapper, LinkParams.class);
    }
}
