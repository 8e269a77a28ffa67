package dev.faro.incentive.content;

import dev.faro.support.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/content/{token}")
@Tag(name = "Content", description = "Downloads through the signed links in incentive emails")
@PermitAll
public class ContentResource {

    private final ContentDelivery delivery;

    public ContentResource(ContentDelivery delivery) {
        this.delivery = delivery;
    }

    @GET
    @Operation(
            summary = "Download content",
            description = "The file a signed link names. Each download is recorded with the incentive, the time, the"
                    + " client's network (the address without its last octet, or beyond /48) and user agent.")
    @APIResponse(responseCode = "200", description = "The file, as an attachment; never cached by shared caches")
    @APIResponse(
            responseCode = "400",
            description = "The link is damaged or altered (type `invalid-link`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such content, or the lead was erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "The link has expired (type `link-expired`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(
            @Parameter(description = "The signed token of the link") @PathParam("token") String token,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        String clientIp =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        ContentFile file = delivery.download(token, clientIp, headers.getHeaderString(HttpHeaders.USER_AGENT));
        return Response.ok(file.body(), file.mediaType())
                // An attachment, never rendered in this service's origin, whatever type a marketer uploaded; should a
                // browser show it anyway, the sandbox runs none of its scripts there.
                .header("Content-Disposition", contentDisposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    private static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        // RFC 5987 allows no '*' unencoded, which URLEncoder leaves as it is.
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
