package dev.faro.email.template;

import dev.faro.email.contact.Language;
import dev.faro.email.sending.Footer;
import dev.faro.email.sending.MessageComposer;
import dev.faro.email.sending.Recipient;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an override before it is saved or previewed: each part parses, is within its size, is safe
 * ({@link OverrideTemplates#unsafe}), names only values its composer gives, keeps the unsubscribe footer where the
 * mail category requires one, and renders with the composer's sample data. Every failing part is reported at
 * once, as a 422 naming the field.
 */
@ApplicationScoped
public class TemplateValidator {

    static final int MAX_SUBJECT_CHARS = 200;
    static final int MAX_HTML_BYTES = 100 * 1024;
    static final int MAX_TEXT_BYTES = 50 * 1024;
    private static final List<String> FOOTER_VALUES = List.of("unsubscribeUrl", "postalAddress");

    private final OverrideTemplates templates;
    private final SampleRecipients samples;

    public TemplateValidator(OverrideTemplates templates, SampleRecipients samples) {
        this.templates = templates;
        this.samples = samples;
    }

    /** The parsed override, or a 422 problem naming each part at fault. */
    public OverrideTemplates.Parsed validate(MessageComposer<?> composer, Language language, TemplateContent content) {
        Recipient sample = samples.in(language, composer.category());
        Map<String, Object> data = SampleRecipients.dataFor(composer, sample);
        boolean footerRequired = composer.category().carriesUnsubscribe();

        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(OverrideTemplates.SUBJECT, content == null ? null : content.subject());
        parts.put(OverrideTemplates.HTML, content == null ? null : content.html());
        parts.put(OverrideTemplates.TEXT, content == null ? null : content.text());

        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Template> parsed = new LinkedHashMap<>();
        parts.forEach((part, source) -> {
            String wrong = sizeOrShape(part, source);
            if (wrong != null) {
                errors.add(new Problem.FieldError(part, wrong));
                return;
            }
            Template template;
            try {
                template = templates.parse(part, source);
            } catch (TemplateException e) {
                errors.add(new Problem.FieldError(part, OverrideTemplates.describe(e)));
                return;
            }
            List<String> wrongs = new ArrayList<>(templates.unsafe(template));
            wrongs.addAll(unknownValues(template, data.keySet()));
            if (footerRequired && !OverrideTemplates.SUBJECT.equals(part)) {
                wrongs.addAll(missingFooter(template));
            }
            if (wrongs.isEmpty()) {
                parsed.put(part, template);
            } else {
                wrongs.forEach(message -> errors.add(new Problem.FieldError(part, message)));
            }
        });
        if (errors.isEmpty()) {
            parsed.forEach((part, template) -> {
                String wrong = renderProblem(part, template, data, sample.footer());
                if (wrong != null) {
                    errors.add(new Problem.FieldError(part, wrong));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new OverrideTemplates.Parsed(
                parsed.get(OverrideTemplates.SUBJECT),
                parsed.get(OverrideTemplates.HTML),
                parsed.get(OverrideTemplates.TEXT));
    }

    private static String sizeOrShape(String part, String source) {
        if (source == null || source.isBlank()) {
            return "must not be empty";
        }
        switch (part) {
            case OverrideTemplates.SUBJECT:
                if (source.length() > MAX_SUBJECT_CHARS) {
                    return "must be at most " + MAX_SUBJECT_CHARS + " characters";
                }
                if (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0) {
                    return "must be one line";
                }
                return null;
            case OverrideTemplates.HTML:
                return tooLarge(source, MAX_HTML_BYTES);
            default:
                return tooLarge(source, MAX_TEXT_BYTES);
        }
    }

    private static String tooLarge(String source, int maxBytes) {
        // Cheap bound first: a UTF-8 character is at most 3 bytes per UTF-16 unit.
        if (source.length() <= maxBytes / 3 || source.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return null;
        }
        return "must be at most " + maxBytes / 1024 + " KB (UTF-8)";
    }

    /** Each expression whose first name is neither a value the template is given nor one it defines itself. */
    private static List<String> unknownValues(Template template, Set<String> given) {
        Set<String> known = new LinkedHashSet<>(given);
        known.addAll(OverrideTemplates.localNames(template));
        Set<String> unknown = new LinkedHashSet<>();
        OverrideTemplates.forEachExpression(template, expression -> {
            if (!expression.isLiteral() && !expression.hasNamespace()) {
                String root = expression.getParts().get(0).getName();
                if (!known.contains(root)) {
                    unknown.add("line " + expression.getOrigin().getLine() + ": unknown value " + root + "; available: "
                            + available(given));
                }
            }
        });
        return new ArrayList<>(unknown);
    }

    /** The given names as a marketer reads them: name and footer first, then the kind's own. */
    private static String available(Set<String> given) {
        return given.stream()
                .sorted(Comparator.comparingInt(TemplateValidator::rank).thenComparing(Comparator.naturalOrder()))
                .collect(Collectors.joining(", "));
    }

    private static int rank(String name) {
        return switch (name) {
            case "name" -> 0;
            case "footer" -> 1;
            default -> 2;
        };
    }

    private static List<String> missingFooter(Template template) {
        List<String> missing = new ArrayList<>();
        for (String value : FOOTER_VALUES) {
            Expression shown = template.findExpression(expression -> !expression.hasNamespace()
                    && expression.getParts().size() == 2
                    && expression.getParts().get(0).getName().equals("footer")
                    && expression.getParts().get(1).getName().equals(value));
            if (shown == null) {
                missing.add("must show {footer." + value + "}: mail of this kind carries the unsubscribe footer");
            }
        }
        return missing;
    }

    /** Renders with the sample data; the footer must not only be named but actually shown. */
    private static String renderProblem(String part, Template template, Map<String, Object> data, Footer footer) {
        String rendered;
        try {
            rendered = OverrideTemplates.render(template, data);
        } catch (RuntimeException e) {
            return "cannot be rendered with the sample data: " + OverrideTemplates.describe(e);
        }
        if (footer != null && !OverrideTemplates.SUBJECT.equals(part)) {
            boolean html = OverrideTemplates.HTML.equals(part);
            if (!FooterCheck.shows(rendered, footer, html)) {
                return "must show {footer.unsubscribeUrl} and {footer.postalAddress} in every case; with the sample"
                        + " data they are not shown";
            }
        }
        return null;
    }

    static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(
                Problem.of("invalid-template", "The template is not valid", 422, detail, List.copyOf(errors)));
    }
}
