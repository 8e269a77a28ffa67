package dev.faro.email.template;

import dev.faro.email.sending.MessageComposer;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/**
 * Which composer writes a template: it gives the values the template sees, its sample data and its mail category
 * (and so whether the unsubscribe footer is required). A name no composer claims is no template at all.
 */
@ApplicationScoped
public class TemplateOwners {

    /** The width of {@code campaign_template.template}. */
    static final int MAX_NAME_LENGTH = 60;

    private final List<MessageComposer<?>> composers;

    public TemplateOwners(Instance<MessageComposer<?>> composers) {
        this.composers = composers.stream().toList();
    }

    /** The composer of {@code template}, or a 404 problem. */
    public MessageComposer<?> ownerOf(String template) {
        if (template == null || template.length() > MAX_NAME_LENGTH) {
            throw unknown(template);
        }
        return composers.stream()
                .filter(composer -> composer.rendersTemplate(template))
                .findFirst()
                .orElseThrow(() -> unknown(template));
    }

    private static ProblemException unknown(String template) {
        return ProblemException.notFound("no template named " + template);
    }
}
