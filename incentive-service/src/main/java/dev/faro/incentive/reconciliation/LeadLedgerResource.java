package dev.faro.incentive.reconciliation;

import dev.faro.support.problem.Problem;
import dev.faro.support.reconciliation.LeadLedgerRequest;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What became of the leads lead-service acknowledged, asked one page at a time by its reconciliation. */
@Path("/api/admin/reconciliation/leads")
@Tag(name = "Reconciliation", description = "What became of each lead, for lead-service's reconciliation")
@SecurityScheme(
        securitySchemeName = LeadLedgerResource.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "A JWT from Faro's issuer; its `groups` claim carries the roles.")
@SecurityRequirement(name = LeadLedgerResource.BEARER)
@RolesAllowed(Roles.ADMIN)
public class LeadLedgerResource {

    static final String BEARER = "bearer";

    private final LeadLedger ledger;

    public LeadLedgerResource(LeadLedger ledger) {
        this.ledger = ledger;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What became of each of a page of leads",
            description = "For each lead id, in the order asked: whether the lead was erased, its incentives, the"
                    + " campaigns whose offer rules refused it one (with the reason), and its events not yet"
                    + " acknowledged by Kafka. A lead this service never heard of has empty lists: lost, if"
                    + " lead-service acknowledged it. At most " + LeadLedgerRequest.MAX_LEADS + " ids.")
    @APIResponse(
            responseCode = "200",
            description = "One entry per lead id asked",
            content = @Content(schema = @Schema(implementation = LeadLedgerResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "leadIds missing, holding something other than a lead id, or more than "
                    + LeadLedgerRequest.MAX_LEADS + " ids",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LeadLedgerResponse leads(@RequestBody(required = true) LeadLedgerRequest request) {
        // No body at all is the same mistake as a body without leadIds.
        LeadLedgerRequest asked = request == null ? new LeadLedgerRequest(null) : request;
        return ledger.of(asked.leads());
    }
}
