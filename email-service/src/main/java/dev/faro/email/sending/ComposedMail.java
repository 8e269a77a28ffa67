package dev.faro.email.sending;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import java.util.List;

/**
 * A message's subject and bodies, rendered: HTML and plain text (either may be null, not both), and images the
 * HTML shows inline ({@code <img src="cid:…">}). The sender adds the envelope (From, To, Message-ID, unsubscribe
 * headers) and whatever the finishers add.
 */
public record ComposedMail(String subject, String html, String text, List<InlineImage> inlineImages) {

    /** An image the HTML refers to as {@code cid:<contentId>}. */
    public record InlineImage(String contentId, String contentType, byte[] data) {}

    public ComposedMail {
        if (html == null && text == null) {
            throw new IllegalArgumentException("a message needs an HTML or a text body");
        }
        inlineImages = inlineImages == null ? List.of() : List.copyOf(inlineImages);
    }

    public ComposedMail(String subject, String html, String text) {
        this(subject, html, text, List.of());
    }

    /** Renders each variant of a type-safe mail template ({@code name.html}, {@code name.txt}). */
    public static ComposedMail render(MailTemplateInstance body, String subject) {
        TemplateInstance template = body.templateInstance();
        String html = null;
        String text = null;
        for (Variant variant : variants(template)) {
            String rendered = template.setAttribute(TemplateInstance.SELECTED_VARIANT, variant)
                    .render();
            if (Variant.TEXT_HTML.equals(variant.getContentType())) {
                html = rendered;
            } else if (Variant.TEXT_PLAIN.equals(variant.getContentType())) {
                text = rendered;
            }
        }
        return new ComposedMail(subject, html, text);
    }

    public ComposedMail withHtml(String html) {
        return new ComposedMail(subject, html, text, inlineImages);
    }

    public ComposedMail withText(String text) {
        return new ComposedMail(subject, html, text, inlineImages);
    }

    @SuppressWarnings("unchecked")
    private static List<Variant> variants(TemplateInstance template) {
        Object variants = template.getAttribute(TemplateInstance.VARIANTS);
        return variants == null ? List.of() : (List<Variant>) variants;
    }
}
