package dev.faro.email.template;

import dev.faro.email.contact.Language;
import dev.faro.email.sending.ComposedMail;
import dev.faro.email.sending.EmailConfig;
import dev.faro.email.sending.Footer;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.MessageComposer;
import dev.faro.email.sending.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The made-up lead templates are validated and previewed for. */
@ApplicationScoped
public class SampleRecipients {

    static final String NAME = "Begoña";
    private static final String EMAIL = "begona@example.org";

    private final Footer footer;

    public SampleRecipients(EmailConfig config, @ConfigProperty(name = "faro.public-url") String publicUrl) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        // Not a working token: a preview must not be able to unsubscribe anyone.
        this.footer = new Footer(base + "/api/unsubscribe/sample-preview-token", config.postalAddress());
    }

    /** A sample lead in {@code language}, with the footer real mail of {@code category} carries. */
    public Recipient in(Language language, MailCategory category) {
        return new Recipient(EMAIL, NAME, language, category.carriesUnsubscribe() ? footer : null);
    }

    /** The values the composer's templates see for {@code recipient}, with the composer's sample params. */
    static <P> Map<String, Object> dataFor(MessageComposer<P> composer, Recipient recipient) {
        return composer.templateData(recipient, composer.sampleParams());
    }

    /** The composer's built-in message written with {@code template} for {@code recipient}, with sample params. */
    static <P> ComposedMail builtIn(MessageComposer<P> composer, String template, Recipient recipient) {
        return composer.compose(recipient, composer.sampleParams(template));
    }
}
