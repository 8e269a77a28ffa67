package dev.faro.incentive.redemption;

import dev.faro.support.problem.Problem;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a shop reports an order paid with a code. The role check runs before the body is read or the code looked
 * at, so a caller without a token learns nothing about codes, not even whether one is well formed.
 */
@Path("/api/incentives/{code}/redemptions")
@Tag(name = "Redemption", description = "Orders paid with an incentive's code")
@SecurityRequirement(name = "bearer")
public class RedemptionResource {

    private final Redemptions redemptions;

    public RedemptionResource(Redemptions redemptions) {
        this.redemptions = redemptions;
    }

    @POST
    @RolesAllowed({Roles.SHOP, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Redeem a code with an order",
            description = "Records the order against the code's incentive and publishes IncentiveRedeemed. Codes are"
                    + " single-use; reporting the same order again answers 200 with the same redemption.")
    @APIResponse(
            responseCode = "201",
            description = "Redeemed by this order",
            content = @Content(schema = @Schema(implementation = Redemption.class)))
    @APIResponse(
            responseCode = "200",
            description = "This order had already redeemed the code; nothing changed",
            content = @Content(schema = @Schema(implementation = Redemption.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid order, or a mistyped code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No incentive has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The code was redeemed with another order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "410",
            description = "The code has expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response redeem(
            @Parameter(description = "The code as printed (case, dashes and spaces do not matter for Faro's codes)")
                    @PathParam("code")
                    String code,
            @Valid @NotNull(message = "is required") RedemptionRequest order) {
        Redemptions.Outcome outcome = redemptions.redeem(code, order);
        return Response.status(outcome.recorded() ? Response.Status.CREATED : Response.Status.OK)
                .entity(outcome.redemption())
                .build();
    }
}
