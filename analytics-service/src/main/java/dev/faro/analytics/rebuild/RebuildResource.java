package dev.faro.analytics.rebuild;

import dev.faro.analytics.AnalyticsApi;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RebuildResource.PATH)
@Tag(name = "Rebuild", description = "Recomputing the analytics aggregates from the event log")
@SecurityRequirement(name = AnalyticsApi.BEARER)
@RolesAllowed(Roles.ADMIN)
public class RebuildResource {

    static final String PATH = "/api/admin/analytics/rebuild";

    private final AnalyticsRebuild rebuild;
    private final RebuildRuns runs;

    public RebuildResource(AnalyticsRebuild rebuild, RebuildRuns runs) {
        this.rebuild = rebuild;
        this.runs = runs;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rebuild the aggregates from the event log",
            description = "Counts every event from the beginning of the topics into fresh tables while the live"
                    + " figures stay in service, then swaps the fresh tables in. Follow it with GET on the same"
                    + " path.")
    @APIResponse(
            responseCode = "202",
            description = "Started",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(
            responseCode = "409",
            description = "A rebuild is already under way; GET follows it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        RebuildStatus started = rebuild.start()
                .orElseThrow(() -> new ProblemException(Problem.of(
                        "rebuild-under-way",
                        "A rebuild is already under way",
                        409,
                        "Only one rebuild runs at a time; follow it with GET " + PATH,
                        List.of())));
        return Response.accepted(started).location(URI.create(PATH)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest rebuild and how far it got")
    @APIResponse(
            responseCode = "200",
            description = "The latest rebuild",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(
            responseCode = "404",
            description = "No rebuild has run yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RebuildStatus latest() {
        return runs.latest().orElseThrow(() -> ProblemException.notFound("No rebuild has run yet"));
    }
}
