package dev.faro.email.unsubscribe;

import dev.faro.contract.events.Unsubscribed;
import dev.faro.email.contact.Language;
import dev.faro.support.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The unsubscribe link of every non-transactional email (RFC 8058). Public: the signed token is the only
 * credential, so it works from any mail client without a login or a cookie. A GET never unsubscribes, because mail
 * scanners fetch links; it shows the choice, whose buttons post.
 */
@Path(UnsubscribeLinks.PATH + "{token}")
@Tag(name = "Unsubscribe", description = "Opting out of email, from the link in each message")
public class UnsubscribeResource {

    private static final String NO_STORE = "no-store";
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final UnsubscribeTokens tokens;
    private final Unsubscriptions unsubscriptions;

    public UnsubscribeResource(UnsubscribeTokens tokens, Unsubscriptions unsubscriptions) {
        this.tokens = tokens;
        this.unsubscriptions = unsubscriptions;
    }

    @GET
    @Operation(
            summary = "The unsubscribe page",
            description = "Asks whether to leave only this campaign or all mail; changes nothing by itself.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "The token is malformed, tampered with or forged")
    public Response page(@PathParam("token") String token, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Optional<UUID> leadId = tokens.leadOf(token);
        if (leadId.isEmpty()) {
            return invalidLink(accept);
        }
        Optional<UnsubscribingContact> contact = unsubscriptions.contact(leadId.get());
        return html(
                200,
                UnsubscribePage.choice(
                        contact.map(UnsubscribingContact::language).orElse(Language.ES),
                        UnsubscribeLinks.PATH + token,
                        contact.map(UnsubscribingContact::campaign).orElse("")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(
            summary = "Unsubscribe",
            description = "One-click (body `List-Unsubscribe=One-Click`) leaves all marketing mail; the page's"
                    + " buttons send `scope=campaign` or `scope=all`. Idempotent.")
    @APIResponse(responseCode = "200", description = "Unsubscribed (or already)")
    @APIResponse(responseCode = "400", description = "The token is malformed, tampered with or forged")
    public Response unsubscribe(
            @PathParam("token") String token,
            @FormParam("scope") String scope,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Optional<UUID> leadId = tokens.leadOf(token);
        if (leadId.isEmpty()) {
            return invalidLink(accept);
        }
        String chosen =
                Unsubscribed.SCOPE_CAMPAIGN.equals(scope) ? Unsubscribed.SCOPE_CAMPAIGN : Unsubscribed.SCOPE_ALL;
        Language language = unsubscriptions
                .unsubscribe(leadId.get(), chosen)
                .map(UnsubscribingContact::language)
                .orElse(Language.ES);
        return html(200, UnsubscribePage.done(language, chosen));
    }

    /** A person gets a page; a program asking for JSON gets the usual problem document. */
    private static Response invalidLink(String accept) {
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON)) {
            throw ProblemException.invalid("token", "not a valid unsubscribe link");
        }
        return html(400, UnsubscribePage.invalidLink(Language.ES));
    }

    private static Response html(int status, String body) {
        return Response.status(status)
                .type(HTML)
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .entity(body)
                .build();
    }
}
