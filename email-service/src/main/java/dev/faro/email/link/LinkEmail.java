package dev.faro.email.link;

import dev.faro.email.contact.Language;
import dev.faro.email.sending.MessageComposer;
import dev.faro.email.sending.Recipient;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import java.time.Instant;

/**
 * An email whose point is one link (confirm the address, erase my data): written in the language the lead had
 * when the link was asked for, with when the link stops working. Each kind brings its templates and wording.
 */
public abstract class LinkEmail implements MessageComposer<LinkParams> {

    @Override
    public Class<LinkParams> paramsType() {
        return LinkParams.class;
    }

    @Override
    public MailTemplateInstance compose(Recipient recipient, LinkParams link, Mail envelope) {
        Language language = link.locale() != null ? Language.of(link.locale()) : recipient.language();
        return body(language, recipient.name(), link.url(), expiry(language, link.expiresAt()))
                .mail(envelope)
                .subject(subject(language));
    }

    /** The kind's type-safe template in {@code language}. */
    protected abstract MailTemplateInstance body(Language language, String name, String url, String expiry);

    protected abstract String subject(Language language);

    /** When the link stops working, as a person reads it in {@code language}. */
    protected abstract String expiry(Language language, Instant expiresAt);
}
