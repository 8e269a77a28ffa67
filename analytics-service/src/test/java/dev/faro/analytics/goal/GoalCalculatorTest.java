package dev.faro.analytics.goal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.contract.events.CampaignChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GoalCalculatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    /** Deadline at midnight UTC starting 11 December: the last day counted is 10 December, 14 days from today. */
    private static final Instant DEADLINE = Instant.parse("2026-12-11T00:00:00Z");

    @Test
    void aCampaignWithoutGoalStillShowsItsLeadsAndPace() {
        GoalProgress progress = GoalCalculator.progress(null, leads(Map.of(day(25), 3L, day(26), 2L)), TODAY);

        assertThat(progress.status()).isEqualTo(GoalStatus.NO_GOAL);
        assertThat(progress.leadsSoFar()).isEqualTo(5);
        assertThat(progress.paceDays()).isEqualTo(2);
        assertThat(progress.leadsPerDay()).isEqualTo(2.5);
        assertThat(progress.atRisk()).isFalse();
    }

    @Test
    void aPaceThatReachesTheTargetBeforeTheDeadlineIsOnTrack() {
        // 30 leads on 10 Nov, then 5 a day from 20 to 26 Nov: 65 so far, 35 in the last 7 days = 5/day.
        // 35 remaining at 5/day = 7 days: 3 Dec, before the 10 Dec deadline day.
        GoalProgress progress = GoalCalculator.progress(goal(100, DEADLINE), steadyLeads(), TODAY);

        assertThat(progress.status()).isEqualTo(GoalStatus.ON_TRACK);
        assertThat(progress.leadsSoFar()).isEqualTo(65);
        assertThat(progress.percentOfTarget()).isEqualTo(65.0);
        assertThat(progress.leadsPerDay()).isEqualTo(5.0);
        assertThat(progress.paceDays()).isEqualTo(7);
        assertThat(progress.projectedDate()).contains(LocalDate.of(2026, 12, 3));
        assertThat(progress.deadlineDay()).contains(LocalDate.of(2026, 12, 10));
        assertThat(progress.daysLeft()).isEqualTo(14);
        assertThat(progress.atRisk()).isFalse();
    }

    @Test
    void aProjectionAfterTheDeadlineIsAtRisk() {
        // 135 remaining at 5/day = 27 days: 23 Dec, after 10 Dec.
        GoalProgress progress = GoalCalculator.progress(goal(200, DEADLINE), steadyLeads(), TODAY);

        assertThat(progress.status()).isEqualTo(GoalStatus.AT_RISK);
        assertThat(progress.percentOfTarget()).isEqualTo(32.5);
        assertThat(progress.projectedDate()).contains(LocalDate.of(2026, 12, 23));
        assertThat(progress.atRisk()).isTrue();
    }

    @Test
    void theFirstDaysOfACampaignMeasureThePaceSinceTheFirstLead() {
        // First lead 24 Nov: the pace is 6 leads over 3 days = 2/day; 14 remaining = 7 days: 3 Dec, after 1 Dec.
        GoalProgress progress = GoalCalculator.progress(
                goal(20, Instant.parse("2026-12-01T12:00:00Z")), leads(Map.of(day(24), 4L, day(26), 2L)), TODAY);

        assertThat(progress.paceDays()).isEqualTo(3);
        assertThat(progress.leadsPerDay()).isEqualTo(2.0);
        assertThat(progress.daysLeft()).isEqualTo(5);
        assertThat(progress.projectedDate()).contains(LocalDate.of(2026, 12, 3));
        assertThat(progress.status()).isEqualTo(GoalStatus.AT_RISK);
    }

    @Test
    void aReachedTargetReportsTheDayItWasReached() {
        GoalProgress progress =
                GoalCalculator.progress(goal(10, DEADLINE), leads(Map.of(day(20), 6L, day(22), 5L)), TODAY);

        assertThat(progress.status()).isEqualTo(GoalStatus.REACHED);
        assertThat(progress.reachedOn()).contains(day(22));
        assertThat(progress.projectedDate()).contains(day(22));
        assertThat(progress.percentOfTarget()).isEqualTo(110.0);
        assertThat(progress.atRisk()).isFalse();
    }

    @Test
    void aDeadlinePassedShortOfTheTargetIsMissed() {
        GoalProgress progress = GoalCalculator.progress(
                goal(10, Instant.parse("2026-11-20T00:00:00Z")), leads(Map.of(day(18), 3L)), TODAY);

        assertThat(progress.status()).isEqualTo(GoalStatus.MISSED);
        assertThat(progress.daysLeft()).isZero();
        assertThat(progress.projectedDate()).isEmpty();
        assertThat(progress.atRisk()).isTrue();
    }

    @Test
    void reachingTheTargetOnlyAfterTheDeadlineIsStillMissed() {
        GoalProgress progress = GoalCalculator.progress(
                goal(10, Instant.parse("2026-11-20T00:00:00Z")), leads(Map.of(day(18), 3L, day(24), 20L)), TODAY);

        assertThat(progress.reachedOn()).contains(day(24));
        assertThat(progress.status()).isEqualTo(GoalStatus.MISSED);
    }

    @Test
    void leadsThatStoppedComingPutTheGoalAtRiskWithoutAProjection() {
        GoalProgress progress = GoalCalculator.progress(
                goal(100, Instant.parse("2027-01-31T00:00:00Z")), leads(Map.of(day(1), 40L)), TODAY);

        assertThat(progress.leadsPerDay()).isZero();
        assertThat(progress.paceDays()).isEqualTo(7);
        assertThat(progress.projectedDate()).isEmpty();
        assertThat(progress.status()).isEqualTo(GoalStatus.AT_RISK);
    }

    @Test
    void aFreshCampaignWithoutLeadsIsNotJudgedWhileItsDeadlineIsFarAway() {
        GoalProgress progress = GoalCalculator.progress(goal(100, DEADLINE), leads(Map.of()), TODAY);

        assertThat(progress.status()).isEqualTo(GoalStatus.ON_TRACK);
        assertThat(progress.paceDays()).isZero();
        assertThat(progress.projectedDate()).isEmpty();
        assertThat(progress.atRisk()).isFalse();
    }

    @Test
    void noLeadsWithTheDeadlineAWeekAwayIsAtRisk() {
        GoalProgress progress =
                GoalCalculator.progress(goal(100, Instant.parse("2026-12-03T00:00:00Z")), leads(Map.of()), TODAY);

        assertThat(progress.daysLeft()).isEqualTo(6);
        assertThat(progress.status()).isEqualTo(GoalStatus.AT_RISK);
        assertThat(progress.atRisk()).isTrue();
    }

    @Test
    void daysAfterTodayAreNotCounted() {
        GoalProgress progress =
                GoalCalculator.progress(goal(100, DEADLINE), leads(Map.of(day(26), 7L, day(27), 50L)), TODAY);

        assertThat(progress.leadsSoFar()).isEqualTo(7);
    }

    @Test
    void aDeadlineAtMidnightUtcEndsTheDayBefore() {
        assertThat(GoalCalculator.deadlineDay(Instant.parse("2027-01-01T00:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(GoalCalculator.deadlineDay(Instant.parse("2026-12-31T23:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    private static SortedMap<LocalDate, Long> steadyLeads() {
        SortedMap<LocalDate, Long> leads = new TreeMap<>();
        leads.put(day(10), 30L);
        for (int d = 20; d <= 26; d++) {
            leads.put(day(d), 5L);
        }
        return leads;
    }

    private static SortedMap<LocalDate, Long> leads(Map<LocalDate, Long> perDay) {
        return new TreeMap<>(perDay);
    }

    private static LocalDate day(int dayOfNovember) {
        return LocalDate.of(2026, 11, dayOfNovember);
    }

    private static CampaignChanged.Goal goal(long targetLeads, Instant deadline) {
        return new CampaignChanged.Goal(targetLeads, "newsletter", deadline);
    }
}
