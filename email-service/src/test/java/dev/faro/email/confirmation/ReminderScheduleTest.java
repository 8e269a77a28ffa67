package dev.faro.email.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

    private static final Instant REQUESTED = Instant.parse("2026-11-26T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void reminderIsDueAfterTheDelayWhenTheLinkLivesLongEnough() {
        assertThat(ReminderSchedule.dueAt(REQUESTED, REQUESTED.plus(Duration.ofDays(7)), DAY))
                .contains(REQUESTED.plus(DAY));
    }

    @Test
    void reminderIsDueHalfWayToExpiryWhenTheDelayWouldComeLater() {
        assertThat(ReminderSchedule.dueAt(REQUESTED, REQUESTED.plus(Duration.ofHours(10)), DAY))
                .contains(REQUESTED.plus(Duration.ofHours(5)));
    }

    @Test
    void linkLivingLessThanTwoHoursGetsNoReminder() {
        assertThat(ReminderSchedule.dueAt(REQUESTED, REQUESTED.plus(Duration.ofMinutes(119)), DAY))
                .isEmpty();
        assertThat(ReminderSchedule.dueAt(REQUESTED, REQUESTED.plus(Duration.ofHours(2)), DAY))
                .contains(REQUESTED.plus(Duration.ofHours(1)));
    }
}
