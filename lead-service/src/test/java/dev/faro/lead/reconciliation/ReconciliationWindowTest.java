package dev.faro.lead.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconciliationWindowTest {

    @Test
    void aWindowWithoutGraceTakesTheDefault() {
        ReconciliationWindow window = ReconciliationWindow.parse("2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z", null);

        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(window.grace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(ReconciliationWindow.parse("2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z", "PT0S")
                        .grace())
                .isZero();
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        assertThatThrownBy(() -> ReconciliationWindow.parse(null, "yesterday", "1 minute"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(
                                problem.problem().errors())
                        .extracting(Problem.FieldError::field)
                        .containsExactly("from", "to", "grace"));
    }

    @Test
    void theWindowMustRunForwardsAndNotTooFar() {
        assertThatThrownBy(() -> ReconciliationWindow.parse("2026-11-28T00:00:00Z", "2026-11-27T00:00:00Z", null))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(
                                problem.problem().errors())
                        .extracting(Problem.FieldError::field)
                        .containsExactly("to"));
        assertThatThrownBy(() -> ReconciliationWindow.parse("2026-01-01T00:00:00Z", "2026-11-27T00:00:00Z", "-PT1S"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(
                                problem.problem().errors())
                        .extracting(Problem.FieldError::field)
                        .containsExactly("grace", "to"));
    }
}
