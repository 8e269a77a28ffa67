package dev.faro.analytics.goal;

import dev.faro.analytics.AnalyticsApi;
import dev.faro.contract.events.CampaignChanged;
import dev.faro.support.campaign.CampaignSlugs;
import dev.faro.support.campaign.CampaignViews;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/campaigns/{campaign}/goal")
@Tag(name = "Goals", description = "Progress of campaigns toward their lead targets")
@SecurityRequirement(name = AnalyticsApi.BEARER)
public class GoalResource {

    static final String SLUG = CampaignSlugs.PATTERN;

    private final CampaignViews campaigns;
    private final LeadsPerDayStore leads;
    private final Clock clock = Clock.systemUTC();

    public GoalResource(CampaignViews campaigns, LeadsPerDayStore leads) {
        this.campaigns = campaigns;
        this.leads = leads;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Goal progress of a campaign",
            description = "Leads so far against the goal's target, the pace over the last 7 UTC days, the day the"
                    + " target is reached at that pace, and whether the goal is at risk. Days are UTC days.")
    @APIResponse(
            responseCode = "200",
            description = "The goal progress; status no-goal when the campaign has no goal",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The campaign slug is not valid; `errors` names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Analytics has not heard of this campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GoalView goal(
            @Parameter(description = "Campaign slug", schema = @Schema(pattern = SLUG)) @PathParam("campaign")
                    String campaign) {
        CampaignSlugs.require(campaign);
        CampaignChanged state = campaigns
                .find(campaign)
                .orElseThrow(() -> ProblemException.notFound("analytics has not heard of campaign " + campaign));
        CampaignChanged.Goal goal = state.goal();
        GoalProgress progress = GoalCalculator.progress(goal, leads.leadsPerDay(campaign), LocalDate.now(clock));
        return GoalView.of(campaign, progress, goal == null ? null : goal.deadline());
    }
}
