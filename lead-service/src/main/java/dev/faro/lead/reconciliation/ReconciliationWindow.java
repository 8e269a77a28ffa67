package dev.faro.lead.reconciliation;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The query of a reconciliation, read from its parameters, with every field at fault named at once. */
record ReconciliationWindow(Instant from, Instant to, Duration grace) {

    static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);
    static final Duration LONGEST_GRACE = Duration.ofHours(24);
    /** Longer than any sensible incident; a bound on what one request walks. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(92);

    static ReconciliationWindow parse(String from, String to, String grace) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        Duration settle = DEFAULT_GRACE;
        if (grace != null && !grace.isBlank()) {
            try {
                settle = Duration.parse(grace);
                if (settle.isNegative() || settle.compareTo(LONGEST_GRACE) > 0) {
                    errors.add(new Problem.FieldError("grace", "must be between PT0S and PT24H"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("grace", "must be an ISO-8601 duration such as PT1M"));
            }
        }
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(new Problem.FieldError("to", "must be after from"));
            } else if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
                errors.add(new Problem.FieldError("to", "the window may span at most 92 days"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ReconciliationWindow(start, end, settle);
    }

    private static Instant instant(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required, as an instant such as 2026-11-27T10:00:00Z"));
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an instant such as 2026-11-27T10:00:00Z"));
            return null;
        }
    }
}
