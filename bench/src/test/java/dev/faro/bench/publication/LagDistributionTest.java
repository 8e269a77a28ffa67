package dev.faro.bench.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LagDistributionTest {

    @Test
    void percentilesFollowTheSamplesLagsInMilliseconds() {
        List<LagSample> samples = new ArrayList<>();
        for (int ms = 1; ms <= 100; ms++) {
            samples.add(new LagSample(UUID.randomUUID(), 1_000_000, 1_000_000 + ms * 500L, 1_000_000 + ms * 1000L));
        }

        LagDistribution seen = LagDistribution.of(samples, LagSample::commitToSeenMicros);
        LagDistribution sent = LagDistribution.of(samples, LagSample::commitToRecordMicros);

        assertThat(seen.count()).isEqualTo(100);
        assertThat(seen.percentileMillis(50)).isCloseTo(50, within(0.1));
        assertThat(seen.percentileMillis(99)).isCloseTo(99, within(0.1));
        assertThat(seen.maxMillis()).isCloseTo(100, within(0.1));
        assertThat(sent.percentileMillis(99)).isCloseTo(49.5, within(0.1));
    }

    @Test
    void aLagBelowZeroCountsAsZeroRatherThanBeingDropped() {
        List<LagSample> samples = List.of(
                new LagSample(UUID.randomUUID(), 2_000, 1_000, 1_500),
                new LagSample(UUID.randomUUID(), 2_000, 3_000, 4_000));

        LagDistribution seen = LagDistribution.of(samples, LagSample::commitToSeenMicros);

        assertThat(seen.count()).isEqualTo(2);
        assertThat(seen.percentileMillis(50)).isZero();
        assertThat(seen.maxMillis()).isCloseTo(2, within(0.01));
    }

    @Test
    void noSamplesGiveNoFigureRatherThanZero() {
        LagDistribution none = LagDistribution.of(List.of(), LagSample::commitToSeenMicros);

        assertThat(none.percentileMillis(99)).isNaN();
        assertThat(none.maxMillis()).isNaN();
    }
}
