package dev.faro.lead.capture;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/leads")
public class LeadCaptureResource {

    private final LeadCapture capture;

    public LeadCaptureResource(LeadCapture capture) {
        this.capture = capture;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Capture a lead from a landing page",
            description = "Answers 202 once the lead and its LeadCaptured event are durably stored.")
    @APIResponse(
            responseCode = "202",
            description = "Stored; the same address and campaign always gives the same leadId",
            content = @Content(schema = @Schema(implementation = CapturedLead.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request; errors name each field at fault",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response capture(@Valid CaptureRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        return Response.accepted(capture.capture(request)).build();
    }
}
