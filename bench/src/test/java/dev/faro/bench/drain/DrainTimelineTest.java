package dev.faro.bench.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DrainTimelineTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRateLeavesOutTheWaitBeforeTheFirstProgressAndTheIdleTailAfterTheLast() {
        DrainTimeline timeline = new DrainTimeline();
        timeline.add(0, 100); // resumed; rejoining the group
        timeline.add(3 * SECOND, 100);
        timeline.add(4 * SECOND, 300); // 200 done in the second before this sample
        timeline.add(5 * SECOND, 500);
        timeline.add(6 * SECOND, 600);
        timeline.add(9 * SECOND, 600); // idle: the backlog is gone

        assertThat(timeline.done()).isEqualTo(500);
        assertThat(timeline.ratePerSecond()).isCloseTo(500 / 3.0, within(1e-9));
        assertThat(timeline.secondsToStart()).isCloseTo(4.0, within(1e-9));
        assertThat(timeline.nanosSinceLastProgress()).isEqualTo(3 * SECOND);
    }

    @Test
    void aCounterThatNeverMovedHasNoRateAndHasNotStarted() {
        DrainTimeline timeline = new DrainTimeline();
        timeline.add(0, 7);
        timeline.add(SECOND, 7);

        assertThat(timeline.started()).isFalse();
        assertThat(timeline.ratePerSecond()).isNaN();
        assertThat(timeline.nanosSinceLastProgress()).isEqualTo(SECOND);
    }
}
