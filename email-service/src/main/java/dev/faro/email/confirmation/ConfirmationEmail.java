package dev.faro.email.confirmation;

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
 * The double opt-in email: the link that confirms a lead's address. It is transactional, the message the person
 * asked for by submitting the form, so it goes out whatever their marketing consent says. The body lives in
 * {@code templates/ConfirmationEmail/{es,en}.{html,txt}}; HTML templates escape every value.
 */
@ApplicationScoped
public class ConfirmationEmail extends LinkEmail {

    public static final String KIND = EmailSent.KIND_CONFIRMATION;

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance es(String name, String url, String expiresOn);

        static native MailTemplateInstance en(String name, String url, String expiresOn);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    protected String expiryName() {
        return "expiresOn";
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
            case ES -> "Confirma tu dirección de correo";
            case EN -> "Please confirm your email address";
        };
    }

    /** The day the link expires, as a person writes it ({@code 3 de diciembre de 2026}, {@code December 3, 2026}). */
    @Override
    protected String expiry(Language language, Instant expiresAt) {
        return dayOf(language, expiresAt);
    }

    static String dayOf(Language language, Instant expiresAt) {
        // The contact keeps no time zone; the UTC day is at most a few hours off, and the link's validity is days.
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language.code()))
                .format(expiresAt.atOffset(ZoneOffset.UTC).toLocalDate());
    }
}
