package dev.faro.lead.leads;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A campaign's leads for its marketers, a page at a time; {@link CampaignLeadsCsvResource} exports them all. */
@Path("/api/admin/campaigns/{campaign}/leads")
@Tag(name = "Leads", description = "A campaign's leads: list, search and CSV export")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
@APIResponse(
        responseCode = "400",
        description = "A query parameter is invalid; `errors` names each one at fault",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "No such campaign",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CampaignLeadsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final KnownCampaigns campaigns;
    private final LeadReader reader;

    public CampaignLeadsResource(KnownCampaigns campaigns, LeadReader reader) {
        this.campaigns = campaigns;
        this.reader = reader;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "List a campaign's leads",
            description = "Newest first, a page at a time: pass the answer's `nextCursor` as `cursor` for the next"
                    + " page (with the same filters). `leads.csv` exports every matching lead at once.")
    @APIResponse(
            responseCode = "200",
            description = "A page of leads",
            content = @Content(schema = @Schema(implementation = LeadPage.class)))
    public LeadPage list(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign,
            @Parameter(description = LeadFilter.FROM, example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = LeadFilter.TO, example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "UTM source, exactly") @QueryParam("source") String source,
            @Parameter(description = "Landing page variant, exactly") @QueryParam("variant") String variant,
            @Parameter(schema = @Schema(enumeration = {LeadStatus.PENDING, LeadStatus.CONFIRMED})) @QueryParam("status")
                    String status,
            @Parameter(description = "Text the email, name or company contains, ignoring case") @QueryParam("q")
                    String q,
            @Parameter(
                            description = "Leads per page",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + MAX_LIMIT,
                                            defaultValue = "" + DEFAULT_LIMIT))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        LeadFilter filter = LeadFilter.parse(from, to, source, variant, status, q);
        int pageSize = pageSize(limit);
        LeadCursor after = LeadCursor.decode(cursor);
        campaigns.require(campaign);
        return reader.page(campaign, filter, after, pageSize);
    }

    private static int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int size = Integer.parseInt(limit.strip());
            if (size >= 1 && size <= MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
