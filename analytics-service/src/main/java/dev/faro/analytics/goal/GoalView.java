package dev.faro.analytics.goal;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign's goal progress as the API shows it; goal fields are null when the campaign has no goal. */
@Schema(name = "GoalProgress", description = "Progress of a campaign toward its target number of leads")
public record GoalView(
        @Schema(description = "The campaign slug", examples = "demo") String campaign,
        @Schema(
                        description = "no-goal, on-track, at-risk, reached or missed",
                        enumeration = {"no-goal", "on-track", "at-risk", "reached", "missed"})
                String status,
        @Schema(description = "Leads the goal asks for", nullable = true) Long targetLeads,
        @Schema(description = "The goal's deadline", nullable = true) Instant deadline,
        @Schema(description = "The last UTC day whose leads count toward the goal", nullable = true)
                LocalDate deadlineDay,
        @Schema(description = "Whole days from today (UTC) to the deadline day; 0 on and after it", nullable = true)
                Long daysLeft,
        @Schema(description = "Leads captured so far, every landing page and source") long leadsSoFar,
        @Schema(description = "leadsSoFar / targetLeads × 100, one decimal", nullable = true) Double percentOfTarget,
        @Schema(description = "Leads per day over the last paceDays UTC days, today included; two decimals")
                double leadsPerDay,
        @Schema(description = "Days the pace is measured over: 7, fewer when the first lead is more recent")
                int paceDays,
        @Schema(description = "The UTC day the target is reached at the current pace (or was reached)", nullable = true)
                LocalDate projectedDate,
        @Schema(description = "The UTC day the cumulative leads reached the target", nullable = true)
                LocalDate reachedOn,
        @Schema(
                        description = "True when the projection falls after the deadline, leads have stopped, or"
                                + " the goal was missed")
                boolean atRisk,
        @Schema(description = "The time zone the days are counted in", examples = "UTC") String timeZone) {

    static GoalView of(String campaign, GoalProgress progress, Instant deadline) {
        boolean hasGoal = progress.status() != GoalStatus.NO_GOAL;
        return new GoalView(
                campaign,
                progress.status().label(),
                hasGoal ? progress.targetLeads() : null,
                hasGoal ? deadline : null,
                progress.deadlineDay().orElse(null),
                hasGoal ? progress.daysLeft() : null,
                progress.leadsSoFar(),
                hasGoal ? progress.percentOfTarget() : null,
                Math.round(progress.leadsPerDay() * 100) / 100.0,
                progress.paceDays(),
                progress.projectedDate().orElse(null),
                progress.reachedOn().orElse(null),
                progress.atRisk(),
                "UTC");
    }
}
