package dev.faro.lead.privacy;

import dev.faro.lead.web.SignedTokens;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Self-service erasure, without an account: a person asks for a link by address, the link goes to that address
 * only, and the page it opens erases everything Faro holds on the address once they press its button.
 */
@Path("/api/privacy")
@Tag(name = "Personal data", description = "Export and erasure of what Faro holds on a person")
public class SelfServiceErasureResource {

    private final ErasureRequests requests;
    private final ErasureLinks links;
    private final SelfServiceErasure erasure;

    public SelfServiceErasureResource(ErasureRequests requests, ErasureLinks links, SelfServiceErasure erasure) {
        this.requests = requests;
        this.links = links;
        this.erasure = erasure;
    }

    @POST
    @Path("erasure-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Ask for a link that erases an address",
            description = "Public. Each lead of the address is emailed a link to the erase page (valid a day, a few"
                    + " a day at most). The answer is 202 whatever the address, so it tells nobody who is a lead.")
    @APIResponse(responseCode = "202", description = "Accepted; a link is on its way if the address is known")
    @APIResponse(
            responseCode = "400",
            description = "The address is missing or invalid; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description = "Rate limited per client address (type rate-limited; limit erasure-request-per-client)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response requestLink(@Valid AddressRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        requests.request(request.email());
        return Response.accepted().build();
    }

    @GET
    @Path("erase")
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            summary = "The page an erasure link opens",
            description = "Shows what will be erased and a button that posts the token to POST /api/privacy/erase."
                    + " Erases nothing itself: mail scanners follow links.")
    @APIResponse(responseCode = "200", description = "The confirmation page (or: nothing left to erase)")
    @APIResponse(responseCode = "400", description = "Not a valid erasure link")
    @APIResponse(responseCode = "410", description = "The link has expired")
    public Response page(
            @Parameter(description = "The signed token of the link, as sent") @QueryParam("token") String token,
            @Context HttpHeaders headers) {
        return answer(token, headers, erasure::lead, ErasurePage.Answer.CONFIRM);
    }

    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            summary = "Erase everything held on the address of an erasure link",
            description = "What the page's button posts. Erases every lead of the link's address (reason"
                    + " self-service) and publishes LeadErased for each; posting again finds nothing left.")
    @APIResponse(responseCode = "200", description = "Erased (or: nothing left to erase)")
    @APIResponse(responseCode = "400", description = "Not a valid erasure link")
    @APIResponse(responseCode = "410", description = "The link has expired")
    public Response erase(@FormParam("token") String token, @Context HttpHeaders headers) {
        return answer(token, headers, erasure::erase, ErasurePage.Answer.ERASED);
    }

    /** Runs {@code action} on the lead of a valid link; {@code done} is the page when the lead was still there. */
    private Response answer(
            String token,
            HttpHeaders headers,
            Function<UUID, Optional<SelfServiceErasure.LinkedLead>> action,
            ErasurePage.Answer done) {
        ErasurePage.Answer answer;
        Optional<SelfServiceErasure.LinkedLead> lead;
        try {
            lead = action.apply(links.verify(token).leadId());
            answer = lead.isPresent() ? done : ErasurePage.Answer.NOTHING_LEFT;
        } catch (SignedTokens.InvalidTokenException e) {
            lead = Optional.empty();
            answer = e.rejection() == SignedTokens.Rejection.EXPIRED
                    ? ErasurePage.Answer.EXPIRED
                    : ErasurePage.Answer.INVALID_LINK;
        }
        String language = ErasurePage.language(
                lead.map(SelfServiceErasure.LinkedLead::locale).orElse(null), headers.getAcceptableLanguages());
        return Response.status(answer.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                // The page answers one person's credential: never cached, and the token never leaks through a
                // Referer, nor the page into another site's frame.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self';"
                                + " frame-ancestors 'none'")
                .entity(ErasurePage.render(answer, language, token))
                .build();
    }
}
