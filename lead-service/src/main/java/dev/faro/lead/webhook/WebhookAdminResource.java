package dev.faro.lead.webhook;

import dev.faro.support.problem.PathIds;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/campaigns/{campaign}/webhooks")
@Tag(
        name = "Webhooks",
        description = "Signed POSTs to a CRM for each new or confirmed lead of a campaign; see docs/api.md for how"
                + " to verify Faro-Signature")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "404",
        description = "No such campaign, or no such webhook in it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhookAdminResource {

    static final int DEFAULT_DELIVERIES = 50;
    static final int MAX_DELIVERIES = 500;

    private final WebhookAdmin admin;

    public WebhookAdminResource(WebhookAdmin admin) {
        this.admin = admin;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a webhook",
            description = "From now on every subscribed event of the campaign's leads is POSTed to `url`, signed"
                    + " with the secret this answer carries, and never shows again.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the webhook, and `secret` is shown this once",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CreatedWebhook.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid webhook; `errors` names each field at fault (`url`, `events[1]`…)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign, WebhookRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        CreatedWebhook created = admin.create(campaign, request);
        return Response.created(UriBuilder.fromResource(WebhookAdminResource.class)
                        .path(created.id().toString())
                        .build(campaign))
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "List the campaign's webhooks", description = "Oldest first; secrets are not shown.")
    @APIResponse(
            responseCode = "200",
            description = "The webhooks",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
    public List<WebhookView> list(@Parameter(description = "Campaign id") @PathParam("campaign") String campaign) {
        return admin.list(campaign);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A webhook")
    @APIResponse(
            responseCode = "200",
            description = "The webhook",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public WebhookView get(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign,
            @Parameter(description = "Webhook id") @PathParam("id") String id) {
        return admin.find(campaign, webhookId(campaign, id));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a webhook",
            description = "Nothing more is sent to it, deliveries still waiting included; its delivery log goes too.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign,
            @Parameter(description = "Webhook id") @PathParam("id") String id) {
        admin.delete(campaign, webhookId(campaign, id));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            summary = "A webhook's delivery log",
            description = "Its latest deliveries, newest first, each with every attempt made: when, the receiver's"
                    + " status code or why there was none, and how long it took.")
    @APIResponse(
            responseCode = "200",
            description = "The deliveries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @APIResponse(
            responseCode = "400",
            description = "`limit` is not a whole number from 1 to 500",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeliveryView> deliveries(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign,
            @Parameter(description = "Webhook id") @PathParam("id") String id,
            @Parameter(
                            description = "How many deliveries",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + MAX_DELIVERIES,
                                            defaultValue = "" + DEFAULT_DELIVERIES))
                    @QueryParam("limit")
                    String limit) {
        return admin.deliveries(campaign, webhookId(campaign, id), limit(limit));
    }

    /** A path segment that is not a UUID names no webhook. */
    private static UUID webhookId(String campaign, String id) {
        return PathIds.uuid(id, () -> ProblemException.notFound("campaign " + campaign + " has no webhook " + id));
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_DELIVERIES;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_DELIVERIES) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_DELIVERIES);
    }
}
