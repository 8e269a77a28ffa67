package dev.faro.email.template;

import dev.faro.email.sending.ComposedMail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.SectionNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Parses and renders the Qute templates marketers write. The HTML body is parsed as {@code text/html}, so Qute
 * escapes every value it shows; the subject and the text body are plain text. Whatever the table holds, a template
 * here can only show the values it is given: no namespaces ({@code inject:}, {@code config:}…), no sections beyond
 * conditions and local names (no includes, no {@code eval} of a lead's data, no loops that could run for ever), and
 * no {@code raw}/{@code safe} to switch escaping off.
 */
@ApplicationScoped
public class OverrideTemplates {

    static final String SUBJECT = "subject";
    static final String HTML = "html";
    static final String TEXT = "text";

    private static final Set<String> ALLOWED_SECTIONS = Set.of("if", "let", "set", "when", "switch");
    private static final Set<String> UNESCAPING = Set.of("raw", "safe");

    private final Engine engine;

    public OverrideTemplates(Engine engine) {
        this.engine = engine;
    }

    /** An override's three parts, parsed. */
    public record Parsed(Template subject, Template html, Template text) {}

    /** Parses one part ({@link #SUBJECT}, {@link #HTML} or {@link #TEXT}); a syntax error is a TemplateException. */
    Template parse(String part, String content) {
        Variant variant = Variant.forContentType(HTML.equals(part) ? Variant.TEXT_HTML : Variant.TEXT_PLAIN);
        return engine.parse(content, variant, part);
    }

    /** Parses all three parts and refuses what {@link #unsafe(Template)} refuses. */
    Parsed parse(TemplateContent content) {
        Parsed parsed =
                new Parsed(parse(SUBJECT, content.subject()), parse(HTML, content.html()), parse(TEXT, content.text()));
        for (Template part : List.of(parsed.subject(), parsed.html(), parsed.text())) {
            List<String> unsafe = unsafe(part);
            if (!unsafe.isEmpty()) {
                throw new IllegalArgumentException(part.getId() + ": " + String.join("; ", unsafe));
            }
        }
        return parsed;
    }

    /** What in a parsed template reaches beyond its data or switches escaping off, each as a message. */
    List<String> unsafe(Template template) {
        Set<String> problems = new LinkedHashSet<>();
        for (TemplateNode node : template.findNodes(node -> node instanceof SectionNode)) {
            String name = ((SectionNode) node).getName();
            if (!name.startsWith("$") && !ALLOWED_SECTIONS.contains(name)) {
                problems.add(at(node.getOrigin().getLine()) + "the section {#" + name
                        + "} is not allowed; use {#if}, {#let} or {#when}");
            }
        }
        forEachExpression(template, expression -> {
            String shown = "{" + expression.toOriginalString() + "}";
            int line = expression.getOrigin().getLine();
            if (expression.hasNamespace()) {
                problems.add(at(line) + shown + " reads outside the template's values; namespaces are not allowed");
            }
            for (Expression.Part part : expression.getParts()) {
                if (UNESCAPING.contains(part.getName())) {
                    problems.add(
                            at(line) + shown + " would show a value unescaped; " + part.getName() + " is not allowed");
                }
            }
        });
        return new ArrayList<>(problems);
    }

    /** The names {@code {#let}} (or {@code {#set}}) sections define in the template. */
    static Set<String> localNames(Template template) {
        Set<String> names = new LinkedHashSet<>();
        for (TemplateNode node : template.findNodes(node -> node instanceof SectionNode)) {
            SectionNode section = (SectionNode) node;
            if (section.getName().equals("let") || section.getName().equals("set")) {
                section.getBlocks().forEach(block -> names.addAll(block.parameters.keySet()));
            }
        }
        return names;
    }

    /** Every expression in the template, including those passed to methods ({@code {name.or(other)}}). */
    static void forEachExpression(Template template, Consumer<Expression> action) {
        for (Expression expression : template.getExpressions()) {
            visit(expression, action);
        }
    }

    private static void visit(Expression expression, Consumer<Expression> action) {
        action.accept(expression);
        for (Expression.Part part : expression.getParts()) {
            if (part.isVirtualMethod()) {
                part.asVirtualMethod().getParameters().forEach(parameter -> visit(parameter, action));
            }
        }
    }

    /** The message as it is sent: the subject on one line, so no value can add a header. */
    ComposedMail render(Parsed parsed, Map<String, Object> data) {
        return new ComposedMail(
                oneLine(render(parsed.subject(), data)), render(parsed.html(), data), render(parsed.text(), data));
    }

    static String render(Template template, Map<String, Object> data) {
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    static String oneLine(String subject) {
        return subject.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** A Qute error as a marketer can act on it: the line and what is wrong, without the template's id. */
    static String describe(RuntimeException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemplateException template) {
                String message = String.valueOf(template.getMessage());
                int detail = message.indexOf("]: ");
                String what = detail < 0 ? message : message.substring(detail + 3);
                return template.getOrigin() == null
                        ? what
                        : at(template.getOrigin().getLine()) + what;
            }
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    private static String at(int line) {
        return "line " + line + ": ";
    }
}
