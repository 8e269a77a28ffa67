package dev.faro.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void requestsAreDueAtEvenIntervalsFromTheStart() {
        ArrivalSchedule schedule = new ArrivalSchedule(1_000, 400, Duration.ofSeconds(2));

        assertThat(schedule.intendedNanos(0)).isEqualTo(1_000);
        assertThat(schedule.intendedNanos(1)).isEqualTo(1_000 + 2_500_000);
        assertThat(schedule.intendedNanos(400)).isEqualTo(1_000 + 1_000_000_000);
    }

    @Test
    void holdsRateTimesDurationRequestsAndNoneDueAtTheEnd() {
        ArrivalSchedule schedule = new ArrivalSchedule(0, 400, Duration.ofSeconds(2));

        assertThat(schedule.size()).isEqualTo(800);
        assertThat(schedule.isWithinRun(799)).isTrue();
        assertThat(schedule.isWithinRun(800)).isFalse();
    }

    @Test
    void fractionalRatesDoNotDrift() {
        ArrivalSchedule schedule = new ArrivalSchedule(0, 3, Duration.ofSeconds(10));

        assertThat(schedule.intendedNanos(3_000)).isEqualTo(1_000_000_000_000L);
        assertThat(schedule.size()).isEqualTo(30);
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> new ArrivalSchedule(0, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
