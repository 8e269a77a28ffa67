package dev.faro.analytics.funnel;

import dev.faro.analytics.AnalyticsApi;
import dev.faro.support.campaign.CampaignSlugs;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

    static final String SLUG = CampaignSlugs.PATTERN;
    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    private final FunnelReport report;

    public FunnelResource(FunnelReport report) {
        this.report = report;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, FunnelCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "The funnel of a campaign",
            description = "Unique visitors, leads, confirmations, incentives, incentive emails, opens, clicks,"
                    + " redemptions and revenue, unsubscribes and erasures, summed over the UTC days from `from` to"
                    + " `to` (both inclusive, both optional), with conversion rate, lead-to-customer rate, cost per"
                    + " lead, ROI and unsubscribe rate. Rates are percentages and ROI a ratio, rounded half-up to two"
                    + " decimals; a figure without a denominator is null. `groupBy` adds a breakdown by variant,"
                    + " landing page, UTM source or day (with the cumulative number of leads). JSON by default; CSV"
                    + " with `Accept: text/csv` or `format=csv`. Counts are eventually consistent: an event shows up"
                    + " once analytics has consumed it.")
    @APIResponse(
            responseCode = "200",
            description = "The funnel",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunnelView.class)),
                @Content(mediaType = FunnelCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "400",
            description = "The campaign slug, a date, `groupBy` or `format` is not valid; `errors` names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Analytics knows neither the campaign nor any event of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response funnel(
            @Parameter(description = "Campaign slug", schema = @Schema(pattern = SLUG)) @PathParam("campaign")
                    String campaign,
            @Parameter(description = "First UTC day counted (ISO date, inclusive)", example = "2026-11-01")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Last UTC day counted (ISO date, inclusive)", example = "2026-11-30")
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "Break the funnel down by this dimension",
                            schema = @Schema(enumeration = {"variant", "page", "source", "day"}))
                    @QueryParam("groupBy")
                    String groupBy,
            @Parameter(
                            description = "Answer in this format whatever `Accept` says",
                            schema = @Schema(enumeration = {"json", "csv"}))
                    @QueryParam("format")
                    String format,
            @Context HttpHeaders headers) {
        CampaignSlugs.require(campaign);
        DayRange days = dayRange(from, to);
        Optional<Grouping> grouping = Grouping.parse(groupBy);
        boolean csv = wantsCsv(format, headers);
        FunnelView funnel = report.of(campaign, days, grouping)
                .orElseThrow(() -> ProblemException.notFound("analytics knows no campaign " + campaign));
        if (csv) {
            return Response.ok(FunnelCsv.of(funnel), FunnelCsv.MEDIA_TYPE + "; charset=UTF-8; header=present")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + campaign + "-funnel.csv\"")
                    .build();
        }
        return Response.ok(funnel, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** {@code format} decides when given; otherwise the first acceptable type (by preference) that we offer. */
    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isEmpty()) {
            if ("csv".equals(format)) {
                return true;
            }
            if ("json".equals(format)) {
                return false;
            }
            throw ProblemException.invalid("format", "must be json or csv");
        }
        MediaType csv = MediaType.valueOf(FunnelCsv.MEDIA_TYPE);
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(csv)) {
                return true;
            }
        }
        return false;
    }

    private static DayRange dayRange(String from, String to) {
        Optional<LocalDate> start = isoDate("from", from);
        Optional<LocalDate> end = isoDate("to", to);
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return new DayRange(start, end);
    }

    /**
     * A day of the years 1 to 9999: ISO also writes years beyond with a sign (+999999999-12-31), which PostgreSQL's
     * dates cannot hold and no campaign ran in.
     */
    private static Optional<LocalDate> isoDate(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
                return Optional.of(day);
            }
        } catch (DateTimeParseException e) {
            // Answered below, as a day out of range is.
        }
        throw ProblemException.invalid(parameter, "must be an ISO date such as 2026-11-26");
    }
}
