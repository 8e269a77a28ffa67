package dev.faro.analytics.goal;

import dev.faro.contract.events.CampaignChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Progress, pace and projection of a campaign's lead goal. Days are UTC days, because that is how the fact
 * table counts leads: a day in the campaign's time zone straddles two UTC days and cannot be recovered from
 * daily counts.
 */
public final class GoalCalculator {

    /** The pace is measured over this many days, today included. */
    static final int PACE_WINDOW_DAYS = 7;

    /** Without any lead in the pace window, a goal is at risk once its deadline is this close. */
    static final int DAYS_WARNING_WITHOUT_LEADS = 7;

    private GoalCalculator() {}

    /**
     * @param goal the campaign's goal, or null when it has none
     * @param leadsPerDay leads per UTC day; days after {@code today} are ignored
     * @param today the current UTC day
     */
    public static GoalProgress progress(
            CampaignChanged.Goal goal, SortedMap<LocalDate, Long> leadsPerDay, LocalDate today) {
        SortedMap<LocalDate, Long> upToToday = leadsPerDay.headMap(today.plusDays(1));
        long leadsSoFar = upToToday.values().stream().mapToLong(Long::longValue).sum();
        Optional<LocalDate> firstLead = upToToday.entrySet().stream()
                .filter(day -> day.getValue() > 0)
                .map(Map.Entry::getKey)
                .findFirst();
        int paceDays = firstLead
                .map(first -> (int) Math.min(PACE_WINDOW_DAYS, ChronoUnit.DAYS.between(first, today) + 1))
                .orElse(0);
        long leadsInWindow = paceDays == 0
                ? 0
                : upToToday.tailMap(today.minusDays(paceDays - 1L)).values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
        double pace = paceDays == 0 ? 0 : (double) leadsInWindow / paceDays;
        if (goal == null) {
            return GoalProgress.withoutGoal(leadsSoFar, pace, paceDays);
        }

        long target = goal.targetLeads();
        LocalDate deadlineDay = deadlineDay(goal.deadline());
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, deadlineDay));
        Optional<LocalDate> reachedOn = dayCumulativeReaches(upToToday, target);
        double percent = target <= 0 ? 100 : Math.round(leadsSoFar * 1000.0 / target) / 10.0;

        GoalStatus status;
        Optional<LocalDate> projected;
        if (reachedOn.isPresent() && !reachedOn.get().isAfter(deadlineDay)) {
            status = GoalStatus.REACHED;
            projected = reachedOn;
        } else if (today.isAfter(deadlineDay)) {
            status = GoalStatus.MISSED;
            projected = Optional.empty();
        } else if (leadsInWindow > 0) {
            long remaining = target - leadsSoFar;
            // ceil(remaining / pace) in whole numbers: pace = leadsInWindow / paceDays.
            long daysNeeded = (remaining * paceDays + leadsInWindow - 1) / leadsInWindow;
            projected = Optional.of(today.plusDays(daysNeeded));
            status = projected.get().isAfter(deadlineDay) ? GoalStatus.AT_RISK : GoalStatus.ON_TRACK;
        } else {
            // No lead in the pace window: the target is never reached at this pace. A campaign whose leads
            // stopped, or one that never got any with the deadline a week away, is at risk; a fresh campaign
            // with a distant deadline is not judged yet.
            projected = Optional.empty();
            boolean stalledOrLate = leadsSoFar > 0 || daysLeft <= DAYS_WARNING_WITHOUT_LEADS;
            status = stalledOrLate ? GoalStatus.AT_RISK : GoalStatus.ON_TRACK;
        }
        boolean atRisk = status == GoalStatus.AT_RISK || status == GoalStatus.MISSED;
        return new GoalProgress(
                status,
                target,
                leadsSoFar,
                percent,
                pace,
                paceDays,
                projected,
                reachedOn,
                Optional.of(deadlineDay),
                daysLeft,
                atRisk);
    }

    /**
     * The last UTC day leads can count toward the goal: the day of the instant just before the deadline, so a
     * deadline at midnight UTC ends the day before it rather than granting the whole next day.
     */
    static LocalDate deadlineDay(Instant deadline) {
        return LocalDate.ofInstant(deadline.minusNanos(1), ZoneOffset.UTC);
    }

    private static Optional<LocalDate> dayCumulativeReaches(SortedMap<LocalDate, Long> leadsPerDay, long target) {
        long cumulative = 0;
        for (Map.Entry<LocalDate, Long> day : leadsPerDay.entrySet()) {
            cumulative += day.getValue();
            if (cumulative >= target) {
                return Optional.of(day.getKey());
            }
        }
        return Optional.empty();
    }
}
