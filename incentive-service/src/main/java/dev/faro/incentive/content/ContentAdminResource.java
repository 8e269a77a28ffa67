package dev.faro.incentive.content;

import dev.faro.support.problem.Problem;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/content/{ref}")
@Tag(name = "Content admin", description = "The files offers let leads download")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ContentAdminResource {

    private final ContentAdmin admin;

    public ContentAdminResource(ContentAdmin admin) {
        this.admin = admin;
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Upload or replace a content file",
            description = "The body is the file (at most 20 MB), its Content-Type the media type it is served with."
                    + " Offers name it by `ref`; leads download it only through signed links.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "201",
            description = "Stored under a new ref",
            content = @Content(schema = @Schema(implementation = ContentInfo.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced the file under this ref",
            content = @Content(schema = @Schema(implementation = ContentInfo.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid ref, title, file name, media type or empty body; `errors` names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "The file is larger than 20 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(
            @Parameter(description = "Content ref, as offers name it") @PathParam("ref") String ref,
            @Parameter(description = "The title shown to leads", required = true) @QueryParam("title") String title,
            @Parameter(description = "The download's file name; the ref when absent") @QueryParam("fileName")
                    String fileName,
            @Context HttpHeaders headers,
            byte[] body) {
        ContentAdmin.Stored stored = admin.store(
                ref,
                title,
                fileName,
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                body == null ? new byte[0] : body);
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(stored.content())
                .build();
    }
}
