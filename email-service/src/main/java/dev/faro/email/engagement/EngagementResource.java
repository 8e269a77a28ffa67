package dev.faro.email.engagement;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The open pixel and the tracked links in emails of campaigns with tracking on. Public: the signed token is the
 * only credential. Each request costs at most a length check, one HMAC and a few small queries, and whoever holds
 * a valid token can make it publish one event at most (the first open, the first click of a link).
 */
@Path("/api/email")
@Tag(name = "Engagement tracking", description = "The open pixel and tracked links of campaigns with tracking on")
public class EngagementResource {

    private static final Logger LOG = Logger.getLogger(EngagementResource.class);
    private static final String NO_STORE = "no-store";
    private static final String GIF = "image/gif";
    /** A 1×1 transparent GIF. */
    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    private final TrackingTokens tokens;
    private final EngagementEvents events;

    public EngagementResource(TrackingTokens tokens, EngagementEvents events) {
        this.tokens = tokens;
        this.events = events;
    }

    @GET
    @Path("open/{token}")
    @Operation(
            summary = "The open pixel",
            description = "A 1×1 transparent GIF. The first fetch of a message's pixel publishes EmailOpened. Any"
                    + " token gets the image, so a broken pixel never shows an error in a mail client; an invalid"
                    + " one publishes nothing.")
    @APIResponse(responseCode = "200", description = "The image", content = @Content(mediaType = GIF))
    public Response open(@PathParam("token") String token) {
        Optional<TrackedMessage> message = tokens.open(token);
        if (message.isPresent()) {
            try {
                events.opened(message.get());
            } catch (RuntimeException e) {
                // The reader still gets the image; a lost open is the lesser harm.
                LOG.warnf(e, "Could not record the open of %s", message.get().messageId());
            }
        }
        return Response.ok(PIXEL, GIF)
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .build();
    }

    @GET
    @Path("click/{token}")
    @Operation(
            summary = "A tracked link",
            description = "Redirects to the address the link was signed for; the first click of each link of a"
                    + " message publishes EmailClicked. Never redirects anywhere else.")
    @APIResponse(responseCode = "302", description = "To the link's address")
    @APIResponse(
            responseCode = "400",
            description = "The token is too long, malformed, tampered with or forged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response click(@PathParam("token") String token) {
        TrackedClick click =
                tokens.click(token).orElseThrow(() -> ProblemException.invalid("token", "not a valid tracked link"));
        try {
            events.clicked(click);
        } catch (RuntimeException e) {
            // The reader still reaches the page; a lost click is the lesser harm.
            LOG.warnf(e, "Could not record a click in %s", click.message().messageId());
        }
        return Response.status(Response.Status.FOUND)
                .header(HttpHeaders.LOCATION, click.url())
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .build();
    }
}
