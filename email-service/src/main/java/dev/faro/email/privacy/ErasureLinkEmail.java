package dev.faro.email.privacy;

import dev.faro.contract.events.EmailSent;
import dev.faro.email.contact.Language;
import dev.faro.email.link.LinkEmail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The email with the link that erases a person: transactional, the answer to their own request, so it goes out
 * whatever their marketing consent says. The body lives in {@code templates/ErasureLinkEmail/{es,en}.{html,txt}};
 * HTML templates escape every value.
 */
@ApplicationScoped
public class ErasureLinkEmail extends LinkEmail {

    public static final String KIND = EmailSent.KIND_ERASURE_LINK;

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance es(String name, String url, String expiresAt);

        static native MailTemplateInstance en(String name, String url, String expiresAt);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    protected String expiryName() {
        return "expiresAt";
    }

    @Override
    protected MailTemplateInstance body(Language language, String name, String url, String expiry) {
        return switch (language) {
            case ES -> Templates.es(name, url, expiry);
            case EN -> Templates.en(name, url, expiry);
        };
    }

    @Override
    protected String subject(Language language) {
        return switch (language) {
            case ES -> "Confirma que quieres borrar tus datos";
            case EN -> "Confirm that you want your data erased";
        };
    }

    /** When the link stops working, to the minute and in UTC: it is valid for hours, not days. */
    @Override
    protected String expiry(Language language, Instant expiresAt) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(Locale.forLanguageTag(language.code()))
                        .withZone(ZoneOffset.UTC)
                        .format(expiresAt)
                + " (UTC)";
    }
}
