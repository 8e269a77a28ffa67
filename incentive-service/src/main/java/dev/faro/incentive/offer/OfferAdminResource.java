package dev.faro.incentive.offer;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(OfferAdminResource.PATH)
@Tag(name = "Offer admin", description = "What each campaign's leads receive, per campaign or A/B variant")
// The bearer scheme is declared once for the service, on LeadPrivacyResource.
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class OfferAdminResource {

    static final String PATH = "/api/admin/offers";

    private final OfferAdmin admin;

    public OfferAdminResource(OfferAdmin admin) {
        this.admin = admin;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create an offer",
            description = "For a campaign, or for one A/B variant of it (one offer per variant). Exactly one of"
                    + " `validUntil` and `validDays`; only the fields of the offer's kind.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new offer",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid offer; `errors` names each field at fault",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "An offer with this id exists (type `offer-exists`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(OfferRequest request) {
        OfferView created = admin.create(requireBody(request));
        return Response.created(UriBuilder.fromPath(PATH).path(created.id()).build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace an offer",
            description = "Replaces everything but the campaign and the count of incentives issued, which go on."
                    + " Incentives already issued keep what they were issued with.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid offer; `errors` names each field at fault",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such offer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OfferView replace(@Parameter(description = "Offer id") @PathParam("id") String id, OfferRequest request) {
        return admin.replace(id, requireBody(request));
    }

    @GET
    @Operation(summary = "List offers", description = "Of one campaign, or of all; oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "The offers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OfferView.class)))
    @APIResponse(
            responseCode = "400",
            description = "`campaign` is not a campaign slug; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<OfferView> list(@Parameter(description = "Campaign id") @QueryParam("campaign") String campaign) {
        return admin.list(campaign);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An offer", description = "With `issued`, the incentives it has given so far.")
    @APIResponse(
            responseCode = "200",
            description = "The offer",
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such offer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OfferView get(@Parameter(description = "Offer id") @PathParam("id") String id) {
        return admin.find(id);
    }

    private static OfferRequest requireBody(OfferRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        return request;
    }
}
