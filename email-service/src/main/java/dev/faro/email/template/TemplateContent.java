package dev.faro.email.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A template's three parts as a marketer writes them, in Qute syntax; also a rendered preview's. */
@Schema(description = "A template's subject, HTML body and plain-text body")
public record TemplateContent(
        @Schema(
                        description = "Subject line, one line of at most 200 characters; plain text",
                        example = "¿Lista, {name}?")
                String subject,
        @Schema(description = "HTML body, at most 100 KB; values are HTML-escaped") String html,
        @Schema(description = "Plain-text body, at most 50 KB") String text) {

    /** Whether nothing was posted: a preview then shows the stored or built-in template. */
    boolean isEmpty() {
        return subject == null && html == null && text == null;
    }
}
