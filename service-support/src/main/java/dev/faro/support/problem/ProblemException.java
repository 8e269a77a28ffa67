package dev.faro.support.problem;

import java.util.List;

/** Thrown by resources to answer with a problem document. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title());
        this.problem = problem;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(
                "invalid-request",
                "The request is not valid",
                400,
                field + ": " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    /** A 400 naming several fields at once, so a form can show every error in one round trip. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        if (errors.size() == 1) {
            return invalid(errors.get(0).field(), errors.get(0).message());
        }
        return new ProblemException(Problem.of(
                "invalid-request",
                "The request is not valid",
                400,
                errors.size() + " fields are not valid",
                List.copyOf(errors)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, what, List.of()));
    }

    public Problem problem() {
        return problem;
    }
}
