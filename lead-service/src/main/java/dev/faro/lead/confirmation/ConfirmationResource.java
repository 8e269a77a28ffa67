package dev.faro.lead.confirmation;

import dev.faro.lead.confirmation.LeadConfirmation.Outcome;
import dev.faro.lead.web.SignedTokens;
import dev.faro.lead.web.SignedTokens.Rejection;
import dev.faro.support.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The double opt-in link a person follows from their inbox. A GET that changes state is the accepted practice for
 * these links: the one change it makes is the confirmation the link exists for, and repeating it changes nothing.
 * Browsers get a small page in the lead's language; clients that ask for JSON get JSON.
 */
@Path(ConfirmationLinks.PATH)
public class ConfirmationResource {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    /** What a JSON client reads after a confirmation. */
    @Schema(name = "LeadConfirmationStatus")
    public record ConfirmationStatus(@Schema(enumeration = "confirmed") String status) {}

    private final ConfirmationLinks links;
    private final LeadConfirmation confirmation;
    private final MeterRegistry meters;

    public ConfirmationResource(ConfirmationLinks links, LeadConfirmation confirmation, MeterRegistry meters) {
        this.links = links;
        this.confirmation = confirmation;
        this.meters = meters;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            summary = "Confirm a lead's address (double opt-in)",
            description = "The link of the confirmation email. Confirms the pending lead and publishes LeadConfirmed"
                    + " once; following it again answers the same. HTML unless the client asks for JSON. See"
                    + " docs/api.md.")
    @APIResponse(
            responseCode = "200",
            description = "Confirmed, now or earlier",
            content = {
                @Content(mediaType = MediaType.TEXT_HTML),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ConfirmationStatus.class))
            })
    @APIResponse(
            responseCode = "400",
            description = "Not a valid confirmation link (type invalid-link)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "The lead no longer exists: erased, or purged unconfirmed (type not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "The link has expired (type link-expired); submitting the form again sends a new one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirm(
            @Parameter(description = "The signed token of the link, as sent") @QueryParam("token") String token,
            @Context HttpHeaders headers) {
        Optional<String> locale = Optional.empty();
        ConfirmationAnswer answer;
        try {
            LeadConfirmation.Result result =
                    confirmation.confirm(links.verify(token).leadId());
            locale = result.locale();
            answer = result.outcome() == Outcome.GONE ? ConfirmationAnswer.LEAD_GONE : ConfirmationAnswer.CONFIRMED;
        } catch (SignedTokens.InvalidTokenException e) {
            answer = ConfirmationAnswer.INVALID_LINK;
            if (e.rejection() == Rejection.EXPIRED) {
                // An old link of a lead that confirmed meanwhile still tells the truth: it is confirmed.
                LeadConfirmation.Result result = confirmation.current(e.leadId());
                locale = result.locale();
                answer = result.outcome() == Outcome.ALREADY_CONFIRMED
                        ? ConfirmationAnswer.CONFIRMED
                        : ConfirmationAnswer.EXPIRED;
            }
        }
        meters.counter("faro.confirmation.links", "answer", answer.name().toLowerCase(Locale.ROOT))
                .increment();
        return respond(answer, locale.orElseGet(() -> preferredLanguage(headers)), wantsJson(headers));
    }

    private static Response respond(ConfirmationAnswer answer, String language, boolean json) {
        Response.ResponseBuilder response = Response.status(answer.status())
                // The page is the answer to one person's credential: never cached, and the token never leaks
                // through a Referer when they go on to another page.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Vary", "Accept, Accept-Language");
        if (json) {
            return answer == ConfirmationAnswer.CONFIRMED
                    ? response.type(MediaType.APPLICATION_JSON)
                            .entity(new ConfirmationStatus("confirmed"))
                            .build()
                    : response.type(PROBLEM).entity(answer.problem()).build();
        }
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none';"
                                + " frame-ancestors 'none'")
                .entity(ConfirmationPage.render(answer, language))
                .build();
    }

    /** JSON only when the client prefers it to HTML; browsers (and clients that accept anything) get the page. */
    private static boolean wantsJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isCompatible(PROBLEM)) {
                return true;
            }
        }
        return false;
    }

    /** For answers that know no lead: the first of Spanish or English the browser asks for, else Spanish. */
    private static String preferredLanguage(HttpHeaders headers) {
        for (Locale locale : headers.getAcceptableLanguages()) {
            String language = locale.getLanguage();
            if ("es".equals(language) || "en".equals(language)) {
                return language;
            }
        }
        return "es";
    }
}
