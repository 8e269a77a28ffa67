package dev.faro.lead.privacy;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Erasure by address: a person who writes in asking to be forgotten is known by their address, not a lead id. */
@Path("/api/admin/erasures")
@Tag(name = "Personal data", description = "Export and erasure of what Faro holds on a person")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class ErasureAdminResource {

    /** The leads an erasure by address erased: none when Faro did not know the address. */
    @Schema(name = "ErasedLeads")
    public record Erased(List<UUID> erased) {}

    private final AdminErasure erasure;

    public ErasureAdminResource(AdminErasure erasure) {
        this.erasure = erasure;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Erase every lead of an address",
            description = "Erases the address's leads in every campaign, as DELETE /api/leads/{id} does each.")
    @APIResponse(
            responseCode = "200",
            description = "The ids of the leads erased",
            content = @Content(schema = @Schema(implementation = Erased.class)))
    @APIResponse(
            responseCode = "400",
            description = "The address is missing or invalid; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Erased erase(@Valid AddressRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        return new Erased(erasure.eraseAddress(request.email()));
    }
}
