package dev.faro.email.template;

import dev.faro.email.contact.Language;
import dev.faro.email.sending.ComposedMail;
import dev.faro.email.sending.MessageComposer;
import dev.faro.email.sending.Recipient;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A template rendered for the sample lead (Begoña, in the requested language, with a sample footer) and the
 * composer's sample params: a posted draft, else the campaign's override, else the built-in template.
 */
@ApplicationScoped
public class TemplatePreviews {

    static final String DRAFT = "draft";
    static final String OVERRIDE = "override";
    static final String BUILT_IN = "built-in";

    private final TemplateValidator validator;
    private final OverrideTemplates templates;
    private final CampaignTemplates store;
    private final SampleRecipients samples;

    public TemplatePreviews(
            TemplateValidator validator,
            OverrideTemplates templates,
            CampaignTemplates store,
            SampleRecipients samples) {
        this.validator = validator;
        this.templates = templates;
        this.store = store;
        this.samples = samples;
    }

    public TemplatePreview preview(
            String campaign, String template, MessageComposer<?> composer, Language language, TemplateContent draft) {
        Recipient sample = samples.in(language, composer.category());
        if (draft != null && !draft.isEmpty()) {
            return render(DRAFT, validator.validate(composer, language, draft), composer, sample);
        }
        Optional<TemplateOverride> stored = store.find(campaign, template, language);
        if (stored.isPresent()) {
            return render(
                    OVERRIDE,
                    validator.validate(composer, language, stored.get().content()),
                    composer,
                    sample);
        }
        if (!composer.hasBuiltInTemplate(template)) {
            // A campaign's own nurture template exists only as its overrides: there is no built-in wording to show.
            throw ProblemException.notFound("campaign " + campaign + " has no " + template + " template in "
                    + language.code() + " to preview; post a draft to preview one");
        }
        return of(BUILT_IN, SampleRecipients.builtIn(composer, template, sample));
    }

    private TemplatePreview render(
            String source, OverrideTemplates.Parsed parsed, MessageComposer<?> composer, Recipient sample) {
        return of(source, templates.render(parsed, SampleRecipients.dataFor(composer, sample)));
    }

    private static TemplatePreview of(String source, ComposedMail mail) {
        return new TemplatePreview(source, mail.subject(), mail.html(), mail.text());
    }
}
