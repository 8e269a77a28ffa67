package dev.faro.lead.visit;

import dev.faro.lead.origin.AllowedOrigins;
import dev.faro.lead.origin.BrowserOrigin;
import dev.faro.lead.origin.OriginNotAllowed;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The landing pages' busiest call. It runs on the event loop: validation is pure computation and the
 * publisher never waits, so no worker thread is needed, and none can be exhausted by a Kafka outage.
 */
@Path("/api/visits")
public class VisitResource {

    private final VisitPublisher publisher;
    private final AllowedOrigins allowedOrigins;

    public VisitResource(VisitPublisher publisher, AllowedOrigins allowedOrigins) {
        this.publisher = publisher;
        this.allowedOrigins = allowedOrigins;
    }

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a landing page visit",
            description = "Best effort, for the funnel's denominator: answers 202 at once and publishes a"
                    + " VisitRecorded event on faro.visits without waiting for Kafka. Visits that cannot be"
                    + " published are dropped and counted in the faro.visits.dropped metric.")
    @APIResponse(responseCode = "202", description = "Accepted for publication; no body")
    @APIResponse(
            responseCode = "403",
            description = "Sent by a browser from an origin the campaign does not allow (type origin-not-allowed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request; errors name each field at fault",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Valid VisitRequest visit, @Context HttpServerRequest http) {
        if (visit == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        BrowserOrigin.of(http)
                .filter(origin -> !origin.sameOrigin() && !allowedOrigins.allows(visit.campaign(), origin.origin()))
                .ifPresent(origin -> {
                    throw OriginNotAllowed.forCampaign(visit.campaign(), origin.origin());
                });
        publisher.publish(visit.toEvent());
        return Response.accepted().build();
    }
}
