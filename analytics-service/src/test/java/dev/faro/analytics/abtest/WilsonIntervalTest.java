package dev.faro.analytics.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    @Test
    void tenLeadsOutOfAHundredVisitorsIsFivePointFiveToSeventeenPointFourPercent() {
        // p = 0.1, n = 100, z = 1.96: centre (0.1 + z²/200) / (1 + z²/100) = 0.11480,
        // half-width z / (1 + z²/100) · sqrt(0.1 · 0.9 / 100 + z²/40000) = 0.05957.
        Interval interval = WilsonInterval.of95(10, 100);

        assertThat(interval.low()).isCloseTo(0.05523, within(1e-5));
        assertThat(interval.high()).isCloseTo(0.17437, within(1e-5));
    }

    @Test
    void noLeadsStillGiveAnUpperBoundAboveZero() {
        // p = 0, n = 50: centre = half-width = (z²/100) / (1 + z²/50) = 0.03567.
        Interval interval = WilsonInterval.of95(0, 50);

        assertThat(interval.low()).isEqualTo(0.0);
        assertThat(interval.high()).isCloseTo(0.07135, within(1e-5));
    }

    @Test
    void noVisitorsMeansTheRateCouldBeAnything() {
        assertThat(WilsonInterval.of95(0, 0)).isEqualTo(new Interval(0, 1));
    }
}
