package dev.faro.analytics.privacy;

import dev.faro.analytics.AnalyticsApi;
import dev.faro.support.problem.PathIds;
import dev.faro.support.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What analytics-service holds on a lead: nothing. It counts events per campaign and day and keeps no lead id,
 * address or anything else about a person, so an export has nothing to add and an erasure nothing to remove. The
 * answer says so, rather than leaving the export to guess from a missing section.
 */
@Path("/api/privacy/leads/{id}")
@Tag(name = "Personal data", description = "What this service holds on a person")
@SecurityRequirement(name = AnalyticsApi.BEARER)
@RolesAllowed(Roles.ADMIN)
public class LeadPrivacyResource {

    static final String STATEMENT = "analytics-service holds no personal data: its funnel counts events per campaign"
            + " and day, and keeps no lead id, address or other detail of any person.";

    /** The answer for any lead. */
    @Schema(name = "AnalyticsLeadRecords")
    public record Held(UUID leadId, boolean holdsPersonalData, String statement) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What analytics holds on a lead",
            description = "Always nothing: the funnel is counts per campaign and day.")
    @APIResponse(
            responseCode = "200",
            description = "The statement that nothing is held",
            content = @Content(schema = @Schema(implementation = Held.class)))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The token lacks the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Held lead(@Parameter(description = "Lead id") @PathParam("id") String id) {
        return new Held(PathIds.uuid(id, () -> ProblemException.notFound("no lead " + id)), false, STATEMENT);
    }
}
