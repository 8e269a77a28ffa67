package dev.faro.email.incentive;

import dev.faro.contract.events.EmailSent;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.email.contact.Language;
import dev.faro.email.sending.MessageComposer;
import dev.faro.email.sending.Recipient;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The email that hands a lead its incentive: the discount code and the promised content. The body lives in
 * {@code templates/IncentiveEmail/{es,en}.{html,txt}}; HTML templates escape every value.
 */
@ApplicationScoped
public class IncentiveEmail implements MessageComposer<IncentiveEmail.Params> {

    public static final String KIND = EmailSent.KIND_INCENTIVE;
    /** The incentive email is the first (and so far only) message of a lead's sequence. */
    public static final int STEP = 0;

    /** What the templates show; each field may be null. */
    public record Params(String code, Integer discountPercent, String contentTitle, String contentUrl) {

        static Params of(IncentiveIssued issued) {
            IncentiveIssued.Content content = issued.content();
            boolean linkable = content != null && isWebLink(content.url());
            return new Params(
                    issued.code(),
                    issued.discountPercent(),
                    linkable ? content.title() : null,
                    linkable ? content.url() : null);
        }

        public boolean hasCode() {
            return code != null && !code.isBlank();
        }

        public boolean hasContent() {
            return contentUrl != null;
        }

        /** Only http(s) links go into an email; anything else (a javascript: URL, say) is left out. */
        private static boolean isWebLink(String url) {
            return url != null && (url.startsWith("https://") || url.startsWith("http://"));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance es(String name, Params incentive);

        static native MailTemplateInstance en(String name, Params incentive);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public MailTemplateInstance compose(Recipient recipient, Params incentive, Mail envelope) {
        MailTemplateInstance body =
                switch (recipient.language()) {
                    case ES -> Templates.es(recipient.name(), incentive);
                    case EN -> Templates.en(recipient.name(), incentive);
                };
        return body.mail(envelope).subject(subject(recipient.language(), incentive));
    }

    static String subject(Language language, Params incentive) {
        Integer percent = incentive.discountPercent();
        return switch (language) {
            case ES -> {
                String code =
                        percent == null ? "Tu código de descuento" : "Tu código de descuento del " + percent + " %";
                yield !incentive.hasCode() ? "Tu ebook" : incentive.hasContent() ? code + " y tu ebook" : code;
            }
            case EN -> {
                String code = percent == null ? "Your discount code" : "Your " + percent + "% discount code";
                yield !incentive.hasCode() ? "Your ebook" : incentive.hasContent() ? code + " and your ebook" : code;
            }
        };
    }
}
