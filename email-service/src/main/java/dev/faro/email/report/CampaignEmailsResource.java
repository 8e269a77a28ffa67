package dev.faro.email.report;

import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The delivery report marketers read: how a campaign's emails stand, straight from the send ledger. */
@Path("/api/admin/campaigns/{campaign}/emails")
@Tag(name = "Email delivery", description = "Where a campaign's emails stand")
@SecurityScheme(
        securitySchemeName = CampaignEmailsResource.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "A JWT from Faro's issuer; its `groups` claim carries the roles.")
@SecurityRequirement(name = CampaignEmailsResource.BEARER)
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
public class CampaignEmailsResource {

    static final String BEARER = "bearer";

    private final DeliveryReport report;

    public CampaignEmailsResource(DeliveryReport report) {
        this.report = report;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Delivery report of a campaign's emails",
            description = "Per message kind and in total, how many messages are pending, being attempted, sent and"
                    + " failed. A campaign without emails (or unknown to this service) has no kinds and zero totals.")
    @APIResponse(
            responseCode = "200",
            description = "The counts",
            content = @Content(schema = @Schema(implementation = CampaignEmails.class)))
    public CampaignEmails emails(@Parameter(description = "Campaign id") @PathParam("campaign") String campaign) {
        return report.of(campaign);
    }
}
