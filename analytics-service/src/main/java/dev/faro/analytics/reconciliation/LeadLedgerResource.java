package dev.faro.analytics.reconciliation;

import dev.faro.analytics.AnalyticsApi;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.reconciliation.LeadLedgerRequest;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What lead-service's reconciliation asks this service: what the funnel counted for each lead of a page, to compare
 * with what incentive- and email-service recorded for it.
 */
@Path("/api/admin/reconciliation/leads")
@Tag(name = "Reconciliation", description = "What the funnel counted for the leads lead-service acknowledged")
@SecurityRequirement(name = AnalyticsApi.BEARER)
@RolesAllowed(Roles.ADMIN)
public class LeadLedgerResource {

    private final LeadLedgers ledgers;

    public LeadLedgerResource(LeadLedgers ledgers) {
        this.ledgers = ledgers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What the funnel counted for some leads",
            description = "For each lead asked (at most " + LeadLedgerRequest.MAX_LEADS + ", each once, in the order"
                    + " asked): whether analytics knows where it came from, and how often each funnel stage was"
                    + " counted for it. A lead analytics never counted reports zeros. Leads counted before analytics"
                    + " kept counts per lead report them only after a rebuild.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LeadLedgerRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "One entry per lead asked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LeadLedgerReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "`leadIds` is missing, holds something that is not a lead id, or too many ids",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LeadLedgerReport leads(LeadLedgerRequest request) {
        if (request == null) {
            throw ProblemException.invalid("leadIds", "is required");
        }
        return ledgers.of(request.leads());
    }
}
