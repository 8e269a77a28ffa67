package dev.faro.email.nurture;

import dev.faro.email.contact.Language;
import dev.faro.email.sending.ComposedMail;
import dev.faro.email.sending.Footer;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.MessageComposer;
import dev.faro.email.sending.Recipient;
import dev.faro.email.sending.TemplateData;
import dev.faro.email.sending.UnwritableMessageException;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The emails of nurture sequences. Each step names its template; the built-in ones live in
 * {@code templates/NurtureEmail/<slug>/{es,en}.{html,txt}}, and any other {@code nurture-*} name is a campaign's own
 * template, which the sender renders before asking this composer.
 */
@ApplicationScoped
public class NurtureEmail implements MessageComposer<NurtureEmail.Params> {

    public static final String KIND = "nurture";
    public static final String TIPS = "nurture-tips";
    public static final String LAST_CHANCE = "nurture-last-chance";
    static final List<String> BUILT_IN = List.of(TIPS, LAST_CHANCE);

    /**
     * What a scheduled step carries: its template, its position in the sequence and its condition, as they were
     * when it was scheduled (a later change of the sequence leaves it as it is).
     */
    public record Params(String template, int step, String condition) {}

    @CheckedTemplate(basePath = "NurtureEmail/tips")
    static class Tips {
        static native MailTemplateInstance es(String name, Footer footer);

        static native MailTemplateInstance en(String name, Footer footer);
    }

    @CheckedTemplate(basePath = "NurtureEmail/last-chance")
    static class LastChance {
        static native MailTemplateInstance es(String name, Footer footer);

        static native MailTemplateInstance en(String name, Footer footer);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The lead did not ask for these: they need marketing consent and carry the unsubscribe link. */
    @Override
    public MailCategory category() {
        return MailCategory.MARKETING;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public ComposedMail compose(Recipient recipient, Params nurture) {
        Language language = recipient.language();
        String name = recipient.name();
        Footer footer = recipient.footer();
        MailTemplateInstance body;
        if (TIPS.equals(nurture.template())) {
            body = language == Language.EN ? Tips.en(name, footer) : Tips.es(name, footer);
        } else if (LAST_CHANCE.equals(nurture.template())) {
            body = language == Language.EN ? LastChance.en(name, footer) : LastChance.es(name, footer);
        } else {
            throw new UnwritableMessageException("nurture step " + nurture.step() + " names template "
                    + nurture.template() + ", which is not built in and which the campaign does not define in "
                    + language.code());
        }
        return ComposedMail.render(body, subject(nurture.template(), language));
    }

    @Override
    public Map<String, Object> templateData(Recipient recipient, Params nurture) {
        return TemplateData.of(recipient, "nurture", nurture);
    }

    @Override
    public String templateName(Params nurture) {
        return nurture.template();
    }

    @Override
    public boolean rendersTemplate(String templateName) {
        return NurtureTemplates.isNurtureName(templateName);
    }

    @Override
    public boolean hasBuiltInTemplate(String templateName) {
        return TIPS.equals(templateName) || LAST_CHANCE.equals(templateName);
    }

    @Override
    public Params sampleParams() {
        return sampleParams(TIPS);
    }

    @Override
    public Params sampleParams(String templateName) {
        return new Params(templateName, 1, NurtureCondition.ALWAYS.code());
    }

    static String subject(String template, Language language) {
        boolean tips = TIPS.equals(template);
        return switch (language) {
            case ES -> tips
                    ? "¿Ya estás listo? Tres trucos pequeños para empezar"
                    : "¿Esperabas una señal? Tu descuento no estará aquí para siempre";
            case EN -> tips
                    ? "Ready? Three small tricks to get started"
                    : "Waiting for a sign? Your discount won't wait forever";
        };
    }
}
