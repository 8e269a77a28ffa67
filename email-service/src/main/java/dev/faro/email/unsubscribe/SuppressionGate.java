package dev.faro.email.unsubscribe;

import dev.faro.email.sending.DueMessage;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.SendGate;
import dev.faro.email.sending.SendVerdict;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The first question before any message: is the address suppressed, or does marketing lack consent? Asked at send
 * time, so an unsubscribe that came after the intent was recorded still stops it.
 */
@ApplicationScoped
public class SuppressionGate implements SendGate {

    private final SuppressionList suppressions;

    public SuppressionGate(SuppressionList suppressions) {
        this.suppressions = suppressions;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public SendVerdict check(DueMessage message, MailCategory category) {
        return suppressions
                .refusal(
                        message.leadId(),
                        message.campaign(),
                        message.recipient().email(),
                        category)
                .map(SendVerdict::refuse)
                .orElse(SendVerdict.go());
    }
}
