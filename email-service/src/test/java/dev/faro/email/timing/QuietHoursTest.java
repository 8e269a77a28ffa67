package dev.faro.email.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));

    @Test
    void aLateEveningIsHeldUntilNextMorning() {
        // 23:30 in Madrid (UTC+1 in winter).
        assertThat(NIGHT.windowEnd(Instant.parse("2026-11-26T22:30:00Z"), MADRID))
                .contains(Instant.parse("2026-11-27T08:00:00Z"));
    }

    @Test
    void anEarlyMorningIsHeldUntilNineTheSameDay() {
        assertThat(NIGHT.windowEnd(Instant.parse("2026-11-26T02:00:00Z"), MADRID))
                .contains(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void theStartIsInsideTheWindowAndTheEndIsNot() {
        assertThat(NIGHT.windowEnd(Instant.parse("2026-11-26T20:00:00Z"), MADRID))
                .contains(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(NIGHT.windowEnd(Instant.parse("2026-11-26T08:00:00Z"), MADRID))
                .isEmpty();
    }

    @Test
    void daytimeIsNotHeld() {
        assertThat(NIGHT.windowEnd(Instant.parse("2026-11-26T11:00:00Z"), MADRID))
                .isEmpty();
        assertThat(NIGHT.windowEnd(Instant.parse("2026-11-26T19:59:59Z"), MADRID))
                .isEmpty();
    }

    @Test
    void theSameInstantIsNightForOneLeadAndDayForAnother() {
        Instant madridMorning = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(NIGHT.windowEnd(madridMorning, MADRID)).isEmpty();
        // 21:00 in Sydney (UTC+11 in its summer): held until 09:00 there, 22:00 UTC.
        assertThat(NIGHT.windowEnd(madridMorning, SYDNEY)).contains(Instant.parse("2026-11-26T22:00:00Z"));
    }

    @Test
    void aWindowWithinOneDayDoesNotWrap() {
        QuietHours siesta = new QuietHours(LocalTime.of(14, 0), LocalTime.of(16, 30));
        assertThat(siesta.windowEnd(Instant.parse("2026-11-26T13:15:00Z"), MADRID))
                .contains(Instant.parse("2026-11-26T15:30:00Z"));
        assertThat(siesta.windowEnd(Instant.parse("2026-11-26T22:00:00Z"), MADRID))
                .isEmpty();
        assertThat(siesta.windowEnd(Instant.parse("2026-11-26T02:00:00Z"), MADRID))
                .isEmpty();
    }

    @Test
    void aWindowEndingAtMidnightEndsAtTheNextMidnight() {
        QuietHours evening = new QuietHours(LocalTime.of(22, 0), LocalTime.MIDNIGHT);
        assertThat(evening.windowEnd(Instant.parse("2026-11-26T21:30:00Z"), MADRID))
                .contains(Instant.parse("2026-11-26T23:00:00Z"));
    }

    @Test
    void equalStartAndEndMeanNoQuietHours() {
        QuietHours off = new QuietHours(LocalTime.of(9, 0), LocalTime.of(9, 0));
        assertThat(off.isOff()).isTrue();
        assertThat(off.windowEnd(Instant.parse("2026-11-26T08:00:00Z"), MADRID)).isEmpty();
        assertThat(off.windowEnd(Instant.parse("2026-11-26T23:00:00Z"), MADRID)).isEmpty();
    }

    @Test
    void aNightWhenClocksGoForwardIsAnHourShorter() {
        // Madrid moves from UTC+1 to UTC+2 at 01:00 UTC on 29 March 2026: 22:00 (21:00 UTC) to 09:00 (07:00 UTC).
        assertThat(NIGHT.windowEnd(Instant.parse("2026-03-28T21:00:00Z"), MADRID))
                .contains(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void aNightWhenClocksGoBackIsAnHourLonger() {
        // Madrid moves from UTC+2 to UTC+1 at 01:00 UTC on 25 October 2026: 22:00 (20:00 UTC) to 09:00 (08:00 UTC).
        assertThat(NIGHT.windowEnd(Instant.parse("2026-10-24T20:00:00Z"), MADRID))
                .contains(Instant.parse("2026-10-25T08:00:00Z"));
    }

    @Test
    void anEndTheClocksSkipEndsWhenTheyJump() {
        // 02:30 does not exist in Madrid on 29 March 2026: clocks jump from 02:00 to 03:00 (01:00 UTC).
        QuietHours untilHalfTwo = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
        assertThat(untilHalfTwo.windowEnd(Instant.parse("2026-03-28T23:00:00Z"), MADRID))
                .contains(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void anEndTheClocksRepeatEndsInTheHourTheLeadIsLivingThrough() {
        // 02:00–03:00 happens twice in Madrid on 25 October 2026: first at UTC+2, then again at UTC+1.
        QuietHours untilHalfTwo = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
        // 02:10 the first time round.
        assertThat(untilHalfTwo.windowEnd(Instant.parse("2026-10-25T00:10:00Z"), MADRID))
                .contains(Instant.parse("2026-10-25T00:30:00Z"));
        // 02:10 the second time round: the local clock reads inside the window again.
        assertThat(untilHalfTwo.windowEnd(Instant.parse("2026-10-25T01:10:00Z"), MADRID))
                .contains(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void aStartTheClocksSkipStillBeginsTheWindow() {
        // 02:30 never shows in Madrid on 29 March 2026; at 03:05 (01:05 UTC) the window has begun.
        QuietHours fromHalfTwo = new QuietHours(LocalTime.of(2, 30), LocalTime.of(6, 0));
        assertThat(fromHalfTwo.windowEnd(Instant.parse("2026-03-29T01:05:00Z"), MADRID))
                .contains(Instant.parse("2026-03-29T04:00:00Z"));
    }
}
