package dev.faro.lead.capture;

import dev.faro.lead.origin.BrowserOrigin;
import dev.faro.lead.web.ClientAddresses;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/leads")
public class LeadCaptureResource {

    /** Set on an answer that repeats the first answer given to the same Idempotency-Key. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final LeadCapture capture;
    private final ClientAddresses clientAddresses;

    public LeadCaptureResource(LeadCapture capture, ClientAddresses clientAddresses) {
        this.capture = capture;
        this.clientAddresses = clientAddresses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Capture a lead from a landing page",
            description = "Answers 202 once the lead, its consent record and its LeadCaptured event are durably"
                    + " stored. See docs/api.md.")
    @APIResponse(
            responseCode = "202",
            description = "Stored; the same address and campaign always gives the same leadId",
            headers =
                    @Header(
                            name = REPLAYED,
                            description = "true when this is the stored answer to an earlier request with the"
                                    + " same Idempotency-Key",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CapturedLead.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request or Idempotency-Key; errors name each field (or the header) at fault",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Sent by a browser from an origin the campaign does not allow (type origin-not-allowed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "A request with the same Idempotency-Key is still being processed (type"
                    + " idempotency-key-in-use); retry later with the same key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The Idempotency-Key was first used with a different request (type idempotency-key-reused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(
            name = IdempotencyKeys.HEADER,
            in = ParameterIn.HEADER,
            description = "Optional; 1 to 255 printable ASCII characters, unique per submission (a UUID, say). A"
                    + " retry with the same key and body within 24 h gets the first answer again.",
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
    public Response capture(@Valid CaptureRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        // Every value is read, so that a key sent empty or twice is refused rather than taken as absent or as
        // its first copy.
        String key = IdempotencyKeys.validated(http.headers().getAll(IdempotencyKeys.HEADER));
        SubmissionSource from = new SubmissionSource(
                ClientAddresses.truncated(clientAddresses.clientOf(http)).orElse(null),
                http.getHeader(HttpHeaders.USER_AGENT),
                BrowserOrigin.of(http).orElse(null));

        CaptureAnswer answer = capture.capture(request, key, from);
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(answer.body());
        if (answer.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}
