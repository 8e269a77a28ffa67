package dev.faro.email.reconciliation;

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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What lead-service's reconciliation asks this service: what became of each lead of a page. */
@Path("/api/admin/reconciliation/leads")
@Tag(name = "Reconciliation", description = "What became of the leads lead-service acknowledged")
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

    private final LeadLedgers ledgers;

    public LeadLedgerResource(LeadLedgers ledgers) {
        this.ledgers = ledgers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What became of some leads' emails",
            description = "For each lead asked (at most " + LeadLedgerRequest.MAX_LEADS + ", each once, in the order"
                    + " asked): whether it was erased, every message of it in the send ledger with its status, its"
                    + " events still waiting for its data key, and its events not yet published. A lead this"
                    + " service never heard of has empty lists.")
    @APIResponse(
            responseCode = "200",
            description = "One entry per lead asked",
            content = @Content(schema = @Schema(implementation = LeadLedgerReport.class)))
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
