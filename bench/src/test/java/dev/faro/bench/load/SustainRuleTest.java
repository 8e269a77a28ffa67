package dev.faro.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SustainRuleTest {

    private final SustainRule rule = new SustainRule(0.97, Duration.ofMillis(1000));

    @Test
    void aStepThatKeepsUpIsSustained() {
        assertThat(rule.failure(LoadResults.clean(100, 980, 20))).isEmpty();
    }

    @Test
    void fallingBehindTheTargetFails() {
        assertThat(rule.failure(LoadResults.clean(100, 960, 20)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("96.0 %"));
    }

    @Test
    void anyErrorOrNon2xxFails() {
        assertThat(rule.failure(LoadResults.of(100, 999, 20, Map.of(), 1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("errors"));
        assertThat(rule.failure(LoadResults.of(100, 999, 20, Map.of(503, 1L), 0)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("503"));
    }

    @Test
    void aSlowP99Fails() {
        assertThat(rule.failure(LoadResults.clean(100, 1000, 1500)))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("p99 "));
    }

    @Test
    void describesItself() {
        assertThat(SustainRule.DEFAULT.describe())
                .isEqualTo("a step is sustained when ≥ 97 % of the target rate completed, with no error or non-2xx"
                        + " response, and p99 ≤ 1000 ms (latency from the intended send time)");
    }
}
