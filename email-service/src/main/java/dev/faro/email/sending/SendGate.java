package dev.faro.email.sending;

/**
 * A rule the sender asks just before a claimed message would go to SMTP: the suppression list, a nurture step's
 * condition, the frequency cap, quiet hours, the send-rate limit. Gates are CDI beans, asked in ascending
 * {@link #order()}; the first verdict other than {@link SendVerdict#go()} decides. A gate runs outside any
 * transaction and must not keep state for a message it does not let through, except a gate that spends
 * something (a rate-limit token), which must come last.
 */
public interface SendGate {

    /** Gates that refuse for good (suppression, consent) come first, gates that only postpone last. */
    int order();

    SendVerdict check(DueMessage message, MailCategory category);
}
