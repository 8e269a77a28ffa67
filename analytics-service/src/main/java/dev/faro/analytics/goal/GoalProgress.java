package dev.faro.analytics.goal;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A campaign's progress toward its goal, in UTC days.
 *
 * @param leadsSoFar leads up to and including today
 * @param leadsPerDay the pace: leads per day over the last {@code paceDays} days (today included)
 * @param paceDays the days the pace is measured over: 7, or fewer when the first lead is more recent
 * @param projectedDate the day the target is reached at the current pace (the day it was reached, once it was)
 * @param deadlineDay the last UTC day whose leads count toward the goal
 * @param daysLeft whole days from today to the deadline day; 0 on the deadline day and after it
 */
public record GoalProgress(
        GoalStatus status,
        long targetLeads,
        long leadsSoFar,
        double percentOfTarget,
        double leadsPerDay,
        int paceDays,
        Optional<LocalDate> projectedDate,
        Optional<LocalDate> reachedOn,
        Optional<LocalDate> deadlineDay,
        long daysLeft,
        boolean atRisk) {

    static GoalProgress withoutGoal(long leadsSoFar, double leadsPerDay, int paceDays) {
        return new GoalProgress(
                GoalStatus.NO_GOAL,
                0,
                leadsSoFar,
                0,
                leadsPerDay,
                paceDays,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                false);
    }
}
