package dev.faro.analytics.funnel;

import dev.faro.analytics.AnalyticsApi;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/campaigns/{campaign}/funnel")
@Tag(name = "Funnel", description = "Campaign funnels counted from the event log")
@SecurityRequirement(name = AnalyticsApi.BEARER)
public class FunnelResource {

    static final String SLUG = "^[a-z0-9][a-z0-9-]{0,62}$";
    private static final Pattern SLUG_PATTERN = Pattern.compile(SLUG);

    private final FunnelStore funnel;

    public FunnelResource(FunnelStore funnel) {
        this.funnel = funnel;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "The funnel of a campaign",
            description = "Leads, incentives issued and emails sent, summed over the UTC days from `from` to `to`"
                    + " (both inclusive, both optional). Counts are eventually consistent: an event shows up"
                    + " once analytics has consumed it.")
    @APIResponse(
            responseCode = "200",
            description = "The funnel",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FunnelView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The campaign slug or a date is not valid; `errors` names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The token has neither the marketer nor the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Analytics has never counted an event of this campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FunnelView funnel(
            @Parameter(description = "Campaign slug", schema = @Schema(pattern = SLUG)) @PathParam("campaign")
                    String campaign,
            @Parameter(description = "First UTC day counted (ISO date, inclusive)", example = "2026-11-01")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Last UTC day counted (ISO date, inclusive)", example = "2026-11-30")
                    @QueryParam("to")
                    String to) {
        if (!SLUG_PATTERN.matcher(campaign).matches()) {
            throw ProblemException.invalid(
                    "campaign",
                    "must be a campaign slug: lowercase letters, digits and hyphens, at most 63 characters");
        }
        DayRange days = dayRange(from, to);
        return funnel.totals(campaign, days)
                .map(counts -> FunnelView.of(campaign, counts))
                .orElseThrow(() -> ProblemException.notFound("analytics has no events of campaign " + campaign));
    }

    private static DayRange dayRange(String from, String to) {
        Optional<LocalDate> start = isoDate("from", from);
        Optional<LocalDate> end = isoDate("to", to);
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return new DayRange(start, end);
    }

    private static Optional<LocalDate> isoDate(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "must be an ISO date such as 2026-11-26");
        }
    }
}
