package dev.faro.lead.reconciliation;

import dev.faro.support.problem.Problem;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's check after an incident: was every acknowledged lead followed through, once? */
@Path("/api/admin/reconciliation")
@Tag(name = "Reconciliation", description = "Leads acknowledged against incentives, emails and the funnel")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class ReconciliationResource {

    private final Reconciliation reconciliation;

    public ReconciliationResource(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reconcile the leads captured in a window",
            description = "Follows every lead captured in [from, to) and still held through incentive-, email- and"
                    + " analytics-service, with the administrator's token: one incentive per confirmed lead (or a"
                    + " recorded refusal), one incentive email in a final state, the funnel counting each step once;"
                    + " events left in an outbox, events waiting for a lead's data key, and every record in the"
                    + " dead-letter topic since `from`. Leads captured within `grace` of now are counted as in"
                    + " flight and not checked.")
    @APIResponse(
            responseCode = "200",
            description = "The report; `clean` says whether anything needs attention",
            content = @Content(schema = @Schema(implementation = ReconciliationReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is missing or malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReconciliationReport reconcile(
            @Parameter(
                            description = "Start of the window, inclusive (ISO-8601 instant)",
                            example = "2026-11-27T00:00:00Z")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "End of the window, exclusive (ISO-8601 instant)",
                            example = "2026-11-28T00:00:00Z")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "How recent a lead may be and still be checked (ISO-8601 duration, default PT1M)")
                    @QueryParam("grace")
                    String grace,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ReconciliationWindow window = ReconciliationWindow.parse(from, to, grace);
        return reconciliation.run(window.from(), window.to(), window.grace(), authorization);
    }
}
