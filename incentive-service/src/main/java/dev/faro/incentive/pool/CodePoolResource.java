package dev.faro.incentive.pool;

import dev.faro.support.problem.Problem;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(CodePoolResource.PATH)
@Tag(name = "Code pools", description = "Discount codes imported from a shop platform, one per incentive")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CodePoolResource {

    static final String PATH = "/api/admin/code-pools";
    static final String CSV = "text/csv";

    private final CodePoolAdmin admin;

    public CodePoolResource(CodePoolAdmin admin) {
        this.admin = admin;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a code pool", description = "An empty pool; import its codes next.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the pool",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CodePool.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid pool; `errors` names each field at fault",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "A pool with this id exists (type `code-pool-exists`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CodePoolRequest request) {
        CodePool created = admin.create(request);
        return Response.created(UriBuilder.fromPath(PATH).path(created.id()).build())
                .entity(created)
                .build();
    }

    @POST
    @Path("{id}/codes")
    @Consumes(CSV)
    @Operation(
            summary = "Import codes",
            description = "A CSV file (RFC 4180, UTF-8, at most 2 MB) with a header row naming a `code` column; other"
                    + " columns are ignored. Each code is trimmed and must be 1 to 64 visible ASCII characters, appear"
                    + " once in the file and in no pool yet. Codes are used as given. All or nothing: one bad line and"
                    + " nothing is imported.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "200",
            description = "Imported; the pool's counts after the import",
            content = @Content(schema = @Schema(implementation = CodePool.class)))
    @APIResponse(
            responseCode = "400",
            description = "The file is not valid (type `invalid-csv`); `errors` names each line at fault as `line N`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such pool",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "The file is larger than 2 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CodePool importCodes(@Parameter(description = "Pool id") @PathParam("id") String id, byte[] csv) {
        return admin.importCodes(id, csv == null ? new byte[0] : csv);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A code pool", description = "Its codes in total, allocated and remaining.")
    @APIResponse(
            responseCode = "200",
            description = "The pool",
            content = @Content(schema = @Schema(implementation = CodePool.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such pool",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CodePool find(@Parameter(description = "Pool id") @PathParam("id") String id) {
        return admin.find(id);
    }
}
