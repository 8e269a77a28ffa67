package dev.faro.email.link;

import dev.faro.email.contact.Language;
import dev.faro.email.sending.ComposedMail;
import dev.faro.email.sending.MessageComposer;
import dev.faro.email.sending.Recipient;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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
    public ComposedMail compose(Recipient recipient, LinkParams link) {
        Language language = language(recipient, link);
        return ComposedMail.render(
                body(language, recipient.name(), link.url(), expiry(language, link.expiresAt())), subject(language));
    }

    @Override
    public Map<String, Object> templateData(Recipient recipient, LinkParams link) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", recipient.name());
        data.put("url", link.url());
        data.put(expiryName(), expiry(language(recipient, link), link.expiresAt()));
        return data;
    }

    @Override
    public LinkParams sampleParams() {
        return new LinkParams(
                "https://faro.example.org/link?token=sample", Instant.parse("2026-12-03T10:00:00Z"), null);
    }

    private static Language language(Recipient recipient, LinkParams link) {
        return link.locale() != null ? Language.of(link.locale()) : recipient.language();
    }

    /** What the kind's templates call the expiry ({@code expiresOn}, {@code expiresAt}). */
    protected abstract String expiryName();

    /** The kind's type-safe template in {@code language}. */
    protected abstract MailTemplateInstance body(Language language, String name, String url, String expiry);

    protected abstract String subject(Language language);

    /** When the link stops working, as a person reads it in {@code language}. */
    protected abstract String expiry(Language language, Instant expiresAt);
}
