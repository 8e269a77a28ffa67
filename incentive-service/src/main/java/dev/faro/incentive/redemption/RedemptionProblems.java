package dev.faro.incentive.redemption;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import java.util.List;

/** Why a code cannot be redeemed, as the stable problem types docs/api.md lists. */
final class RedemptionProblems {

    private RedemptionProblems() {}

    static ProblemException mistyped() {
        return new ProblemException(Problem.of(
                "code-mistyped",
                "The code is mistyped",
                400,
                "code: its check character does not match; a character was probably mistyped",
                List.of(new Problem.FieldError("code", "check character does not match"))));
    }

    static ProblemException unknown() {
        return new ProblemException(
                Problem.of("code-unknown", "No such code", 404, "no incentive has this code", null));
    }

    static ProblemException expired() {
        return new ProblemException(Problem.of("code-expired", "The code has expired", 410, null, null));
    }

    static ProblemException alreadyRedeemed() {
        return new ProblemException(Problem.of(
                "code-already-redeemed",
                "The code was already redeemed",
                409,
                "the code is single-use and was redeemed with another order",
                null));
    }
}
