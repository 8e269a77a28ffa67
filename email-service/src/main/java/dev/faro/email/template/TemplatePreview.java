package dev.faro.email.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A template rendered with sample data, and which version of it that was. */
@Schema(description = "A template rendered with sample data")
public record TemplatePreview(
        @Schema(
                        description =
                                "What was rendered: draft (the posted body), override (the stored one) or built-in",
                        enumeration = {"draft", "override", "built-in"})
                String source,
        String subject,
        String html,
        String text) {}
