package dev.faro.email.nurture;

import dev.faro.support.problem.Problem.FieldError;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** What a saved sequence must be; every fault is reported at once, each naming its field ({@code steps[1].delay}). */
@ApplicationScoped
public class NurtureSequenceRules {

    static final int MAX_STEPS = 20;
    static final Duration MAX_DELAY = Duration.ofDays(365);
    private static final int MAX_DELAY_TEXT = 40;

    private final NurtureConfig config;
    private final NurtureTemplates templates;

    public NurtureSequenceRules(NurtureConfig config, NurtureTemplates templates) {
        this.config = config;
        this.templates = templates;
    }

    /** The steps to store, or a 400 problem naming every field at fault. */
    public List<NurtureStep> validate(String campaign, NurtureSequence sequence) {
        if (sequence == null || sequence.steps() == null) {
            throw ProblemException.invalid("steps", "is required (an empty list removes the sequence)");
        }
        if (sequence.steps().size() > MAX_STEPS) {
            throw ProblemException.invalid("steps", "at most " + MAX_STEPS + " steps");
        }
        List<FieldError> errors = new ArrayList<>();
        List<NurtureStep> steps = new ArrayList<>();
        for (int i = 0; i < sequence.steps().size(); i++) {
            NurtureSequence.Step step = sequence.steps().get(i);
            String field = "steps[" + i + "]";
            if (step == null) {
                errors.add(new FieldError(field, "is required"));
                continue;
            }
            int before = errors.size();
            checkDelay(step.delay(), field + ".delay", errors);
            checkTemplate(campaign, step.template(), field + ".template", errors);
            var condition = NurtureCondition.of(step.condition());
            if (condition.isEmpty()) {
                errors.add(new FieldError(field + ".condition", "must be one of " + NurtureCondition.names()));
            }
            if (errors.size() == before) {
                steps.add(new NurtureStep(step.delay(), step.template(), condition.get()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return steps;
    }

    private void checkDelay(String delay, String field, List<FieldError> errors) {
        Duration minimum = config.minimumDelay();
        String range = "must be an ISO-8601 duration between " + minimum + " and P365D, e.g. P1D or PT36H";
        if (delay == null || delay.isBlank() || delay.length() > MAX_DELAY_TEXT) {
            errors.add(new FieldError(field, range));
            return;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(delay);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, range));
            return;
        }
        if (parsed.compareTo(minimum) < 0 || parsed.compareTo(MAX_DELAY) > 0) {
            errors.add(new FieldError(field, range));
        }
    }

    private void checkTemplate(String campaign, String template, String field, List<FieldError> errors) {
        if (!NurtureTemplates.isNurtureName(template)) {
            errors.add(new FieldError(field, "must be named nurture- followed by 1 to 50 of a-z, 0-9 and -"));
        } else if (!templates.exists(campaign, template)) {
            errors.add(new FieldError(
                    field,
                    "is neither a built-in nurture template (" + String.join(", ", NurtureEmail.BUILT_IN)
                            + ") nor a template of this campaign"));
        }
    }
}
