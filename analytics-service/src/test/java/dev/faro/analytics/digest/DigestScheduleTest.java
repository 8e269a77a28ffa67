package dev.faro.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private static final DigestSchedule SCHEDULE = new DigestSchedule(Duration.ofMinutes(15));
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void aWeeklyDigestCoversLastMondayToSundayWhicheverDayItIsAskedOn() {
        Period period = new Period(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 9));

        assertThat(Frequency.WEEKLY.lastEndedBefore(LocalDate.of(2025, 3, 10))).isEqualTo(period);
        assertThat(Frequency.WEEKLY.lastEndedBefore(LocalDate.of(2025, 3, 16))).isEqualTo(period);
        assertThat(Frequency.WEEKLY.lastEndedBefore(LocalDate.of(2025, 3, 17)).start())
                .isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(period.previous()).isEqualTo(new Period(LocalDate.of(2025, 2, 24), LocalDate.of(2025, 3, 2)));
    }

    @Test
    void aDailyDigestCoversYesterdayAndIsMeasuredAgainstTheDayBefore() {
        Period yesterday = Frequency.DAILY.lastEndedBefore(LocalDate.of(2025, 3, 1));

        assertThat(yesterday).isEqualTo(new Period(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 2, 28)));
        assertThat(yesterday.previous().start()).isEqualTo(LocalDate.of(2025, 2, 27));
    }

    @Test
    void aDayEastOfUtcIsDueOnceTheUtcDayHasEndedTooAndTheSettleTimePassed() {
        DigestSubscription madrid = subscription(Frequency.DAILY, "Europe/Madrid");

        // 5 March ends at 23:00 UTC in Madrid; the UTC day at midnight; then 15 minutes.
        assertThat(SCHEDULE.due(madrid, Instant.parse("2025-03-05T23:30:00Z"))).isEmpty();
        assertThat(SCHEDULE.due(madrid, Instant.parse("2025-03-06T00:14:00Z"))).isEmpty();
        assertThat(SCHEDULE.due(madrid, Instant.parse("2025-03-06T00:15:00Z")))
                .singleElement()
                .matches(d -> d.period().end().equals(LocalDate.of(2025, 3, 5)));
    }

    @Test
    void aDayWestOfUtcIsDueWhenItEndsInItsOwnZone() {
        DigestSubscription newYork = subscription(Frequency.DAILY, "America/New_York");

        // 5 March ends at 05:00 UTC in New York (UTC−5).
        assertThat(SCHEDULE.due(newYork, Instant.parse("2025-03-06T05:10:00Z"))).isEmpty();
        assertThat(SCHEDULE.due(newYork, Instant.parse("2025-03-06T05:15:00Z")))
                .singleElement()
                .matches(d -> d.period().end().equals(LocalDate.of(2025, 3, 5)));
    }

    @Test
    void aPeriodThatEndedBeforeTheSubscriptionIsNotSent() {
        DigestSubscription fresh = new DigestSubscription(
                "demo",
                Frequency.WEEKLY,
                List.of(new Subscriber("ana@marketing.example.org", "es", "UTC")),
                Instant.parse("2025-03-05T10:00:00Z"));

        assertThat(SCHEDULE.due(fresh, Instant.parse("2025-03-06T10:00:00Z"))).isEmpty();
        assertThat(SCHEDULE.due(fresh, Instant.parse("2025-03-10T00:15:00Z"))).hasSize(1);
    }

    @Test
    void subscribersSharingLanguageAndTimeZoneShareOneDigest() {
        DigestSubscription subscription = new DigestSubscription(
                "demo",
                Frequency.DAILY,
                List.of(
                        new Subscriber("ana@marketing.example.org", "es", "UTC"),
                        new Subscriber("joe@marketing.example.org", "en", "UTC"),
                        new Subscriber("luis@marketing.example.org", "es", "UTC")),
                LONG_AGO);

        List<DueDigest> due = SCHEDULE.due(subscription, Instant.parse("2025-03-06T01:00:00Z"));

        assertThat(due).extracting(DueDigest::locale).containsExactly("es", "en");
        assertThat(due.get(0).group())
                .extracting(Subscriber::email)
                .containsExactly("ana@marketing.example.org", "luis@marketing.example.org");
    }

    private static DigestSubscription subscription(Frequency frequency, String timeZone) {
        return new DigestSubscription(
                "demo", frequency, List.of(new Subscriber("ana@marketing.example.org", "es", timeZone)), LONG_AGO);
    }
}
