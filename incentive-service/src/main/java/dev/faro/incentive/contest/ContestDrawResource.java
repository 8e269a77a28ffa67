package dev.faro.incentive.contest;

import dev.faro.support.campaign.CampaignSlugs;
import dev.faro.support.problem.PathIds;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Contest draws of a campaign: made by an administrator, each kept with what is needed to recompute it. */
@Path("/api/admin/campaigns/{campaign}/draws")
@Tag(name = "Contest draws", description = "Auditable random draws among a campaign's contest entries")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class ContestDrawResource {

    private final ContestDraws draws;

    public ContestDrawResource(ContestDraws draws) {
        this.draws = draws;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Draw winners",
            description = "Draws among the campaign's contest entries (not erased) with the algorithm "
                    + DrawAlgorithm.NAME + ", from the given seed or a random one, and keeps the draw.")
    @APIResponse(
            responseCode = "201",
            description = "The draw",
            content = @Content(schema = @Schema(implementation = ContestDraw.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request, a campaign that is no slug, or more winners than entries",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response draw(
            @PathParam("campaign") String campaign, @Valid @NotNull(message = "is required") DrawRequest request) {
        ContestDraw draw = draws.draw(CampaignSlugs.require(campaign), request);
        return Response.created(UriBuilder.fromResource(ContestDrawResource.class)
                        .path(draw.id().toString())
                        .build(campaign))
                .entity(draw)
                .build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A draw: its seed, entries hash, entry count and winners")
    @APIResponse(
            responseCode = "200",
            description = "The draw",
            content = @Content(schema = @Schema(implementation = ContestDraw.class)))
    @APIResponse(
            responseCode = "400",
            description = "The campaign is not a slug; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such draw for the campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContestDraw draw(@PathParam("campaign") String campaign, @PathParam("id") String id) {
        return draws.find(CampaignSlugs.require(campaign), drawId(id)).orElseThrow(() -> noDraw(id));
    }

    @GET
    @Path("{id}/entries")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary = "The entry list of a draw",
            description = "The entries' incentive ids, sorted, one a line: exactly the text whose SHA-256 is the"
                    + " draw's entries hash.")
    @APIResponse(responseCode = "200", description = "The entry list")
    @APIResponse(
            responseCode = "400",
            description = "The campaign is not a slug; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such draw for the campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String entries(@PathParam("campaign") String campaign, @PathParam("id") String id) {
        return draws.entriesOf(CampaignSlugs.require(campaign), drawId(id))
                .map(DrawAlgorithm::entryList)
                .orElseThrow(() -> noDraw(id));
    }

    private static UUID drawId(String id) {
        return PathIds.uuid(id, () -> noDraw(id));
    }

    private static ProblemException noDraw(String id) {
        return ProblemException.notFound("no draw " + id);
    }
}
