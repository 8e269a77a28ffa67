package dev.faro.email.template;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign's stored wording of one template in one language. */
@Schema(description = "A campaign's override of one template in one language")
public record TemplateOverride(
        @Schema(description = "Template name, such as incentive or nurture-welcome") String template,
        @Schema(description = "Language: es or en") String locale,
        String subject,
        String html,
        String text,
        @Schema(description = "When it was last saved") Instant updatedAt) {

    TemplateContent content() {
        return new TemplateContent(subject, html, text);
    }
}
