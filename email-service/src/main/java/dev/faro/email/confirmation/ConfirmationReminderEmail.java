package dev.faro.email.confirmation;

import dev.faro.email.contact.Language;
import dev.faro.email.link.LinkEmail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The one reminder of an unanswered double opt-in email, with the same link. Transactional like the confirmation
 * itself: it helps finish what the person started, so it carries no unsubscribe link. The body lives in
 * {@code templates/ConfirmationReminderEmail/{es,en}.{html,txt}}.
 */
@ApplicationScoped
public class ConfirmationReminderEmail extends LinkEmail {

    public static final String KIND = "confirmation-reminder";

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
            case ES -> "¿Se te pasó? Confirma tu dirección de correo";
            case EN -> "Did you miss it? Please confirm your email address";
        };
    }

    @Override
    protected String expiry(Language language, Instant expiresAt) {
        return ConfirmationEmail.dayOf(language, expiresAt);
    }
}
