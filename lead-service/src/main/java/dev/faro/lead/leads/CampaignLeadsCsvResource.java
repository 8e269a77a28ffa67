package dev.faro.lead.leads;

import dev.faro.support.problem.Problem;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every lead of a campaign matching the list's filters, as one CSV download. A path of its own rather than
 * {@code Accept: text/csv} on the list: a link or a script gets the same answer whatever it sends as Accept.
 */
@Path("/api/admin/campaigns/{campaign}/leads.csv")
@Tag(name = "Leads")
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
public class CampaignLeadsCsvResource {

    static final String CSV = "text/csv";

    private final KnownCampaigns campaigns;
    private final LeadCsvExport export;

    public CampaignLeadsCsvResource(KnownCampaigns campaigns, LeadCsvExport export) {
        this.campaigns = campaigns;
        this.export = export;
    }

    @GET
    @Produces(CSV)
    @Operation(
            summary = "Export a campaign's leads as CSV",
            description = "Every lead matching the filters (no paging), newest first, as RFC 4180 CSV in UTF-8 with a"
                    + " header row. A cell that starts with =, +, -, @, a tab or a carriage return gets a leading"
                    + " apostrophe, so that a spreadsheet shows it instead of running it as a formula.")
    @APIResponse(
            responseCode = "200",
            description = "The leads, streamed",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response export(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign,
            @Parameter(description = LeadFilter.FROM, example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = LeadFilter.TO, example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "UTM source, exactly") @QueryParam("source") String source,
            @Parameter(description = "Landing page variant, exactly") @QueryParam("variant") String variant,
            @Parameter(schema = @Schema(enumeration = {LeadStatus.PENDING, LeadStatus.CONFIRMED})) @QueryParam("status")
                    String status,
            @Parameter(description = "Text the email, name or company contains, ignoring case") @QueryParam("q")
                    String q) {
        LeadFilter filter = LeadFilter.parse(from, to, source, variant, status, q);
        campaigns.require(campaign);
        StreamingOutput body = out -> export.write(campaign, filter, out);
        return Response.ok(body, CSV + "; charset=UTF-8; header=present")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + campaign + "-leads.csv\"")
                .build();
    }
}
