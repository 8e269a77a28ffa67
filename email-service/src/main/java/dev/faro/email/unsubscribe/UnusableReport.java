package dev.faro.email.unsubscribe;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import java.util.List;

/** The problems a DSN or ARF report the webhook cannot act on answers with. */
final class UnusableReport {

    private UnusableReport() {}

    /** A 422 naming the part, parameter or field of the report at fault. */
    static ProblemException because(String field, String message) {
        return new ProblemException(Problem.of(
                "unusable-report",
                "The report cannot be used",
                422,
                field + ": " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(Problem.of(
                "payload-too-large",
                "The request body is too large",
                413,
                "a report may be at most " + maxBytes + " bytes",
                List.of()));
    }
}
