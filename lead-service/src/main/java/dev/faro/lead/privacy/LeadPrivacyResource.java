package dev.faro.lead.privacy;

import dev.faro.support.problem.PathIds;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's right of access and to erasure, exercised by an administrator on their behalf. */
@Path("/api/leads/{id}")
@Tag(name = "Personal data", description = "Export and erasure of what Faro holds on a person")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
@APIResponse(
        responseCode = "404",
        description = "No such lead (never, or no longer: erased)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LeadPrivacyResource {

    private final PersonalDataExporter exporter;
    private final AdminErasure erasure;

    public LeadPrivacyResource(PersonalDataExporter exporter, AdminErasure erasure) {
        this.exporter = exporter;
        this.erasure = erasure;
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Export everything Faro holds on a lead",
            description = "The lead row and its consent ledger from lead-service, and what incentive-, email- and"
                    + " analytics-service hold, asked with the caller's token. A service that does not answer in time"
                    + " gets a section {unavailable: true, reason} and the document says complete: false.")
    @APIResponse(
            responseCode = "200",
            description = "The export",
            content = @Content(schema = @Schema(implementation = PersonalDataExport.class)))
    public PersonalDataExport export(
            @Parameter(description = "Lead id") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UUID leadId = leadId(id);
        return exporter.export(leadId, authorization).orElseThrow(() -> noSuchLead(id));
    }

    @DELETE
    @Operation(
            summary = "Erase a lead",
            description = "Deletes the lead with its consent ledger, destroys its data key, suppresses its address and"
                    + " publishes LeadErased, on which every other service forgets the lead within seconds.")
    @APIResponse(responseCode = "204", description = "Erased")
    public Response erase(@Parameter(description = "Lead id") @PathParam("id") String id) {
        if (!erasure.eraseLead(leadId(id))) {
            throw noSuchLead(id);
        }
        return Response.noContent().build();
    }

    private static UUID leadId(String id) {
        return PathIds.uuid(id, () -> noSuchLead(id));
    }

    private static ProblemException noSuchLead(String id) {
        return ProblemException.notFound("no lead " + id);
    }
}
