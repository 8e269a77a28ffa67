package dev.faro.lead.campaign;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(CampaignAdminResource.PATH)
@Tag(name = "Campaign admin", description = "Campaigns as marketers set them up; every change is published")
@SecurityScheme(
        securitySchemeName = CampaignAdminResource.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "A JWT from Faro's issuer; its `groups` claim carries the roles.")
@SecurityRequirement(name = CampaignAdminResource.BEARER)
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CampaignAdminResource {

    static final String PATH = "/api/admin/campaigns";
    static final String BEARER = "bearer";

    private final CampaignAdmin admin;

    public CampaignAdminResource(CampaignAdmin admin) {
        this.admin = admin;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a campaign",
            description = "Stores the campaign at revision 1 and publishes it as CampaignChanged.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new campaign",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid campaign; `errors` names each field at fault",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "A campaign with this id exists (type `campaign-exists`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @ConvertGroup(to = CampaignRequest.Create.class) CampaignRequest request) {
        requireBody(request);
        CampaignView created = admin.create(request.id(), request.definition());
        return Response.created(UriBuilder.fromPath(PATH).path(created.id()).build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a campaign",
            description = "Replaces everything the request carries (a list left out becomes empty) if `revision` is"
                    + " the campaign's current one, moves it to the next revision and publishes it. An archived"
                    + " campaign stays archived.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid campaign; `errors` names each field at fault",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "`revision` is not the current one: someone changed the campaign since it was read (type"
                    + " `stale-revision`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CampaignView update(
            @Parameter(description = "Campaign id") @PathParam("id") String id,
            @Valid @ConvertGroup(to = CampaignRequest.Update.class) CampaignRequest request) {
        requireBody(request);
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.invalid("id", "must be absent or the campaign's id; a campaign cannot be renamed");
        }
        return admin.update(id, request.revision(), request.definition());
    }

    @GET
    @Operation(summary = "List campaigns", description = "Newest first.")
    @APIResponse(
            responseCode = "200",
            description = "The campaigns",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CampaignView.class)))
    public List<CampaignView> list(
            @Parameter(description = "Whether archived campaigns are listed too")
                    @QueryParam("includeArchived")
                    @DefaultValue("false")
                    boolean includeArchived) {
        return admin.list(includeArchived);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A campaign", description = "Archived campaigns too; `revision` is what an update sends back.")
    @APIResponse(
            responseCode = "200",
            description = "The campaign",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CampaignView get(@Parameter(description = "Campaign id") @PathParam("id") String id) {
        return admin.find(id);
    }

    @POST
    @Path("{id}/archive")
    @Operation(
            summary = "Archive a campaign",
            description = "From now on the campaign takes no new leads (capture answers 400 on `campaign`) and the"
                    + " list leaves it out unless asked. Moves it to the next revision and publishes it; archiving"
                    + " an archived campaign changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "Archived",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CampaignView archive(@Parameter(description = "Campaign id") @PathParam("id") String id) {
        return admin.archive(id);
    }

    private static void requireBody(CampaignRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
    }
}
