package dev.faro.email.template;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One override in a campaign's list. */
@Schema(description = "A template the campaign overrides, in one language")
public record TemplateSummary(
        @Schema(description = "Template name") String template,
        @Schema(description = "Language: es or en") String locale,
        @Schema(description = "When it was last saved") Instant updatedAt) {}
