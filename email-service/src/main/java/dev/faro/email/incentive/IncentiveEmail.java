package dev.faro.email.incentive;

import dev.faro.contract.events.EmailSent;
import dev.faro.contract.events.IncentiveIssued;
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
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * The email that hands a lead its incentive: the code and what it gives (a discount, free shipping, a trial, a
 * gift, a contest entry), and the promised content. The body lives in
 * {@code templates/IncentiveEmail/{es,en}.{html,txt}}; HTML templates escape every value.
 */
@ApplicationScoped
public class IncentiveEmail implements MessageComposer<IncentiveEmail.Params> {

    public static final String KIND = EmailSent.KIND_INCENTIVE;
    /** The incentive email is the first (and so far only) message of a lead's sequence. */
    public static final int STEP = 0;

    /**
     * What the templates show; every field but {@code kind} may be null, and {@code kind} too in sends recorded before
     * incentives had kinds (they were percent discounts). Stored with the send, so methods here are not named like
     * getters: they would become stored properties.
     */
    public record Params(
            String kind,
            String code,
            Integer discountPercent,
            BigDecimal discountAmount,
            String currency,
            Integer trialDays,
            String gift,
            String contentTitle,
            String contentUrl) {

        static Params of(IncentiveIssued issued) {
            IncentiveIssued.Content content = issued.content();
            boolean linkable = content != null && isWebLink(content.url());
            boolean knownCurrency = issued.currency() != null && issued.discountAmount() != null;
            return new Params(
                    IncentiveIssued.DISCOUNT_CODE.equals(issued.kind())
                            ? IncentiveIssued.PERCENT_DISCOUNT
                            : issued.kind(),
                    issued.code(),
                    issued.discountPercent(),
                    knownCurrency ? issued.discountAmount() : null,
                    knownCurrency ? issued.currency() : null,
                    issued.trialDays(),
                    issued.gift(),
                    linkable ? content.title() : null,
                    linkable ? content.url() : null);
        }

        public boolean hasCode() {
            return code != null && !code.isBlank();
        }

        public boolean hasContent() {
            return contentUrl != null;
        }

        /** The fixed discount as a Spanish reader writes it, "5,50 €". */
        public String amountEs() {
            return money(Locale.forLanguageTag("es-ES"));
        }

        /** The fixed discount as an English reader writes it, "€5.50". */
        public String amountEn() {
            return money(Locale.UK);
        }

        private String money(Locale locale) {
            if (discountAmount == null) {
                return null;
            }
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            try {
                format.setCurrency(Currency.getInstance(currency));
            } catch (IllegalArgumentException unknownToThisJdk) {
                return discountAmount.toPlainString() + " " + currency;
            }
            return format.format(discountAmount).replace('\u00a0', ' ');
        }

        /** Only http(s) links go into an email; anything else (a javascript: URL, say) is left out. */
        private static boolean isWebLink(String url) {
            return url != null && (url.startsWith("https://") || url.startsWith("http://"));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance es(String name, Params incentive, Footer footer);

        static native MailTemplateInstance en(String name, Params incentive, Footer footer);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The lead asked for it, so it goes without marketing consent; but it carries an unsubscribe link. */
    @Override
    public MailCategory category() {
        return MailCategory.REQUESTED;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public ComposedMail compose(Recipient recipient, Params incentive) {
        MailTemplateInstance body =
                switch (recipient.language()) {
                    case ES -> Templates.es(recipient.name(), incentive, recipient.footer());
                    case EN -> Templates.en(recipient.name(), incentive, recipient.footer());
                };
        return ComposedMail.render(body, subject(recipient.language(), incentive));
    }

    @Override
    public Map<String, Object> templateData(Recipient recipient, Params incentive) {
        return TemplateData.of(recipient, "incentive", incentive);
    }

    @Override
    public Params sampleParams() {
        return new Params(
                IncentiveIssued.PERCENT_DISCOUNT,
                "FARO-7Q2K-X9M4",
                10,
                null,
                null,
                null,
                null,
                "Desbloquea el poder de las redes sociales",
                "https://faro.example.org/ebooks/redes-sociales.pdf");
    }

    static String subject(Language language, Params incentive) {
        String gift = incentive.hasCode() ? offered(language, incentive) : null;
        return switch (language) {
            case ES -> gift == null ? "Tu ebook" : incentive.hasContent() ? gift + " y tu ebook" : gift;
            case EN -> gift == null ? "Your ebook" : incentive.hasContent() ? gift + " and your ebook" : gift;
        };
    }

    /** What the code gives, as the subject names it. */
    private static String offered(Language language, Params incentive) {
        String kind = incentive.kind() == null ? IncentiveIssued.PERCENT_DISCOUNT : incentive.kind();
        Integer percent = incentive.discountPercent();
        return switch (language) {
            case ES -> switch (kind) {
                case IncentiveIssued.FIXED_DISCOUNT -> "Tu código de descuento de " + incentive.amountEs();
                case IncentiveIssued.FREE_SHIPPING -> "Tu código de envío gratis";
                case IncentiveIssued.FREE_TRIAL -> "Tu prueba gratuita de " + incentive.trialDays() + " días";
                case IncentiveIssued.FREE_GIFT -> "Tu regalo";
                case IncentiveIssued.CONTEST_ENTRY -> "Tu participación en el sorteo";
                default -> percent == null ? "Tu código de descuento" : "Tu código de descuento del " + percent + " %";
            };
            case EN -> switch (kind) {
                case IncentiveIssued.FIXED_DISCOUNT -> "Your " + incentive.amountEn() + " discount code";
                case IncentiveIssued.FREE_SHIPPING -> "Your free shipping code";
                case IncentiveIssued.FREE_TRIAL -> "Your " + incentive.trialDays() + "-day free trial";
                case IncentiveIssued.FREE_GIFT -> "Your free gift";
                case IncentiveIssued.CONTEST_ENTRY -> "Your contest entry";
                default -> percent == null ? "Your discount code" : "Your " + percent + "% discount code";
            };
        };
    }
}
