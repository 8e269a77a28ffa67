package dev.faro.email.sending;

/**
 * Changes a composed message just before it is sent (the engagement pixel and tracked links, say). Finishers are
 * CDI beans, applied in ascending {@link #order()}; each returns the message to pass on.
 */
public interface MailFinisher {

    int order();

    ComposedMail finish(DueMessage message, MailCategory category, ComposedMail mail);
}
