package dev.faro.incentive.privacy;

import dev.faro.support.problem.PathIds;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What incentive-service holds on a lead, for lead-service's export of everything Faro holds on a person. */
@Path("/api/privacy/leads/{id}")
@Tag(name = "Personal data", description = "What this service holds on a person")
@SecurityScheme(
        securitySchemeName = LeadPrivacyResource.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "A JWT from Faro's issuer; its `groups` claim carries the roles.")
@SecurityRequirement(name = LeadPrivacyResource.BEARER)
@RolesAllowed(Roles.ADMIN)
public class LeadPrivacyResource {

    static final String BEARER = "bearer";

    private final LeadIncentives incentives;

    public LeadPrivacyResource(LeadIncentives incentives) {
        this.incentives = incentives;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The incentives of a lead",
            description = "Every incentive issued to the lead, with its code and validity, and every campaign whose"
                    + " offer rules gave it none. A lead this service never heard of, or an erased one, has neither.")
    @APIResponse(
            responseCode = "200",
            description = "What is held (possibly nothing)",
            content = @Content(schema = @Schema(implementation = LeadIncentives.Held.class)))
    public LeadIncentives.Held lead(@Parameter(description = "Lead id") @PathParam("id") String id) {
        return incentives.of(leadId(id));
    }

    private static UUID leadId(String id) {
        return PathIds.uuid(id, () -> ProblemException.notFound("no lead " + id));
    }
}
