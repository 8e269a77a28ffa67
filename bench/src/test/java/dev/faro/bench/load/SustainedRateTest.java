package dev.faro.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SustainedRateTest {

    private final List<Double> tried = new ArrayList<>();

    /** A server that completes everything up to {@code capacity}/s and only {@code capacity}/s beyond it. */
    private SustainedRate.StepRunner capacity(double capacity) {
        return rate -> {
            tried.add(rate);
            long completed = (long) (Math.min(rate, capacity) * 10);
            return LoadResults.clean(rate, completed, 5);
        };
    }

    @Test
    void stepsUpThenBisectsBetweenTheLastSustainedAndTheFirstFailedRate() throws Exception {
        SustainedRate search = new SustainedRate(SustainRule.DEFAULT, 100, 1.5, 100_000, 1, 2);

        SustainedRate.Outcome outcome = search.search(capacity(260));

        assertThat(tried).containsExactly(100.0, 150.0, 225.0, 337.5, 281.25, 253.125);
        assertThat(outcome.rate()).isEqualTo(253.125);
        assertThat(outcome.best().rate()).isEqualTo(253.125);
        assertThat(outcome.steps())
                .extracting(SustainedRate.Step::sustained)
                .containsExactly(true, true, true, false, false, true);
    }

    @Test
    void stepsDownWhenTheStartRateIsTooHigh() throws Exception {
        SustainedRate search = new SustainedRate(SustainRule.DEFAULT, 900, 1.5, 100_000, 1, 1);

        SustainedRate.Outcome outcome = search.search(capacity(300));

        assertThat(tried).hasSize(5);
        assertThat(tried.subList(0, 3)).containsExactly(900.0, 600.0, 400.0);
        assertThat(tried.get(3)).isCloseTo(800.0 / 3, within(1e-9));
        assertThat(tried.get(4)).isCloseTo(1000.0 / 3, within(1e-9));
        assertThat(outcome.rate()).isCloseTo(800.0 / 3, within(1e-9));
    }

    @Test
    void stopsAtTheMaximumRate() throws Exception {
        SustainedRate search = new SustainedRate(SustainRule.DEFAULT, 100, 2, 300, 1, 2);

        SustainedRate.Outcome outcome = search.search(capacity(1_000));

        assertThat(tried).containsExactly(100.0, 200.0, 300.0);
        assertThat(outcome.rate()).isEqualTo(300);
    }

    @Test
    void findsNothingWhenEvenTheFloorFails() throws Exception {
        SustainedRate search = new SustainedRate(SustainRule.DEFAULT, 10, 2, 300, 2, 2);

        SustainedRate.Outcome outcome = search.search(rate -> LoadResults.clean(rate, 0, 5));

        assertThat(outcome.rate()).isZero();
        assertThat(outcome.best()).isNull();
        assertThat(outcome.steps()).extracting(SustainedRate.Step::rate).containsExactly(10.0, 5.0, 2.5);
    }

    @Test
    void findsTheCapacityOfARealServerWithFixedServiceTimeRoughly() throws Exception {
        // 2 handler threads × 40 ms per request = 50 requests/s; the bounds allow for a busy build machine.
        try (LoopbackServer server = LoopbackServer.fixedServiceTime(2, Duration.ofMillis(40))) {
            OpenModelLoad load = new OpenModelLoad(
                    8, RequestFactory.get(server.uri(), Map.of(), Duration.ofSeconds(5)), Duration.ofSeconds(5));
            SustainedRate search =
                    new SustainedRate(new SustainRule(0.97, Duration.ofMillis(500)), 15, 1.5, 1_000, 1, 2);

            SustainedRate.Outcome outcome = search.search(rate -> load.run(rate, Duration.ofMillis(1500)));

            assertThat(outcome.rate()).isBetween(25.0, 58.0);
            assertThat(outcome.steps())
                    .anySatisfy(step -> assertThat(step.sustained()).isFalse());
        }
    }
}
