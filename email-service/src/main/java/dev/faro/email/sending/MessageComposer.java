package dev.faro.email.sending;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;

/** Writes the messages of one kind. Each kind is a CDI bean; the sender picks it by {@link #kind()}. */
public interface MessageComposer<P> {

    /** The {@code message_kind} of the ledger rows this composer writes. */
    String kind();

    /**
     * Whether the message carries List-Unsubscribe and a footer ({@link Recipient#footer()}), and whether the
     * suppression list and marketing consent apply. Transactional by default: a kind that markets must say so.
     */
    default MailCategory category() {
        return MailCategory.TRANSACTIONAL;
    }

    /** The type the intent's params are read back as. */
    Class<P> paramsType();

    /**
     * The message for a recipient. {@code envelope} already carries From, To and the Message-ID; the
     * composer adds the subject and the HTML and text bodies in the recipient's language.
     */
    MailTemplateInstance compose(Recipient recipient, P params, Mail envelope);
}
