package dev.faro.lead.leads;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which leads of a campaign to list: created in [{@code from}, {@code to}), with this UTM source, variant and status,
 * and whose email, name or company contains {@code search} (ignoring case). A null part does not filter.
 */
record LeadFilter(Instant from, Instant to, String source, String variant, String status, String search) {

    static final int MAX_TEXT = 200;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}]");
    static final String FROM = "Leads created at or after this: an ISO date (a whole UTC day, from its start) or an"
            + " ISO instant with an offset (2026-11-01T09:30:00Z)";
    static final String TO = "Leads created before this: an ISO date (a whole UTC day, included to its end) or an"
            + " ISO instant (exclusive)";

    /**
     * Reads the query parameters as a marketer writes them. A date bound is a whole UTC day, as on the funnel:
     * {@code from=2026-11-01&to=2026-11-30} is all of November; an instant bound is exact (from inclusive, to
     * exclusive). A parameter sent empty does not filter. Every parameter at fault is named in one 400.
     */
    static LeadFilter parse(String from, String to, String source, String variant, String status, String q) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant start = bound("from", from, false, errors);
        Instant end = bound("to", to, true, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        String wantedStatus = blankToNull(status);
        if (wantedStatus != null && !LeadStatus.isKnown(wantedStatus)) {
            errors.add(new Problem.FieldError("status", "must be pending or confirmed"));
        }
        String wantedSource = text("source", source, errors);
        String wantedVariant = text("variant", variant, errors);
        String search = text("q", q, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new LeadFilter(start, end, wantedSource, wantedVariant, wantedStatus, search);
    }

    static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(Problem.of("invalid-request", "The request is not valid", 400, detail, errors));
    }

    private static Instant bound(String name, String value, boolean upper, List<Problem.FieldError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (upper ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(
                    new Problem.FieldError(name, "must be an ISO date (2026-11-01) or instant (2026-11-01T09:30:00Z)"));
            return null;
        }
    }

    /**
     * Text to compare with what capture stored, which never holds control characters (see {@code PlainText}): one
     * in a filter cannot match anything, and a NUL is not even text to PostgreSQL, so it is refused here, not
     * left to fail the query.
     */
    private static String text(String name, String value, List<Problem.FieldError> errors) {
        String text = blankToNull(value);
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new Problem.FieldError(name, "must be at most " + MAX_TEXT + " characters"));
        } else if (text != null && CONTROL.matcher(text).find()) {
            errors.add(new Problem.FieldError(name, "must not contain control characters or line breaks"));
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
