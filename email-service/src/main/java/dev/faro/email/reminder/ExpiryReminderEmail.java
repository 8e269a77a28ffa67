package dev.faro.email.reminder;

import dev.faro.email.contact.Language;
import dev.faro.email.sending.ComposedMail;
import dev.faro.email.sending.Footer;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.MessageComposer;
import dev.faro.email.sending.Recipient;
import dev.faro.email.sending.TemplateData;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The reminder that a lead's incentive code expires soon. The body lives in
 * {@code templates/ExpiryReminderEmail/{es,en}.{html,txt}}; HTML templates escape every value.
 */
@ApplicationScoped
public class ExpiryReminderEmail implements MessageComposer<ExpiryReminderEmail.Params> {

    public static final String KIND = "expiry-reminder";
    /**
     * One reminder per lead: a lead belongs to one campaign and is issued one incentive there, so the ledger's
     * (lead, kind, step) key is also one per incentive.
     */
    public static final int STEP = 0;

    /** Faro's shops are in Spain: the expiry date is the day it falls on there, whatever the reader's language. */
    static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Madrid");

    private static final DateTimeFormatter SPANISH_DATE =
            DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es-ES"));
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** What the templates show. Stored with the send, so methods are not named like getters. */
    public record Params(String code, Instant expiresAt) {

        /** "26 de diciembre de 2026". */
        public String expiryDateEs() {
            return SPANISH_DATE.format(expiresAt.atZone(SHOP_ZONE));
        }

        /** "26 December 2026". */
        public String expiryDateEn() {
            return ENGLISH_DATE.format(expiresAt.atZone(SHOP_ZONE));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance es(String name, Params reminder, Footer footer);

        static native MailTemplateInstance en(String name, Params reminder, Footer footer);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The lead did not ask for a reminder: it needs marketing consent and honours the suppression list. */
    @Override
    public MailCategory category() {
        return MailCategory.MARKETING;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public ComposedMail compose(Recipient recipient, Params reminder) {
        MailTemplateInstance body =
                switch (recipient.language()) {
                    case ES -> Templates.es(recipient.name(), reminder, recipient.footer());
                    case EN -> Templates.en(recipient.name(), reminder, recipient.footer());
                };
        return ComposedMail.render(body, subject(recipient.language()));
    }

    @Override
    public Map<String, Object> templateData(Recipient recipient, Params reminder) {
        return TemplateData.of(recipient, "reminder", reminder);
    }

    @Override
    public Params sampleParams() {
        return new Params("FARO-7Q2K-X9M4", Instant.parse("2026-12-26T22:59:00Z"));
    }

    static String subject(Language language) {
        return switch (language) {
            case ES -> "Tu código de descuento caduca pronto";
            case EN -> "Your discount code expires soon";
        };
    }
}
