package dev.faro.analytics.digest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.analytics.AnalyticsApi;
import dev.faro.support.campaign.CampaignSlugs;
import dev.faro.support.campaign.CampaignViews;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/campaigns/{campaign}/digest")
@Tag(name = "Digests", description = "Daily or weekly summary emails of a campaign's figures")
@SecurityRequirement(name = AnalyticsApi.BEARER)
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
public class DigestAdminResource {

    static final String SLUG = CampaignSlugs.PATTERN;

    private final CampaignViews campaigns;
    private final DigestSubscriptions subscriptions;
    private final DigestClock clock;

    public DigestAdminResource(CampaignViews campaigns, DigestSubscriptions subscriptions, DigestClock clock) {
        this.campaigns = campaigns;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Digest settings of a campaign",
            description = "How often the campaign's digest is sent and to whom. A campaign nobody subscribed to"
                    + " answers weekly with no subscribers.")
    @APIResponse(
            responseCode = "200",
            description = "The settings",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DigestSettings.class)))
    @APIResponse(
            responseCode = "400",
            description = "The campaign slug is not valid; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Analytics has not heard of this campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DigestSettings read(
            @Parameter(description = "Campaign slug", schema = @Schema(pattern = SLUG)) @PathParam("campaign")
                    String campaign) {
        requireKnown(campaign);
        return subscriptions
                .find(campaign)
                .map(DigestSettings::of)
                .orElseGet(() -> new DigestSettings(Frequency.WEEKLY.label(), List.of()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set who receives a campaign's digest",
            description = "Replaces the campaign's digest settings. At most 50 subscribers, each with a valid"
                    + " address, a locale (es or en) and an IANA time zone; an empty list stops the digest. The"
                    + " first digest covers the first period that ends after the frequency was set.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DigestSettings.class)))
    @APIResponse(
            responseCode = "200",
            description = "The settings as stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DigestSettings.class)))
    @APIResponse(
            responseCode = "400",
            description = "A field is not valid; `errors` names each one, e.g. `subscribers[2].timeZone`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Analytics has not heard of this campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DigestSettings write(
            @Parameter(description = "Campaign slug", schema = @Schema(pattern = SLUG)) @PathParam("campaign")
                    String campaign,
            JsonNode body) {
        requireKnown(campaign);
        DigestSettingsValidation.Valid settings = DigestSettingsValidation.check(body);
        return DigestSettings.of(
                subscriptions.save(campaign, settings.frequency(), settings.subscribers(), clock.now()));
    }

    private void requireKnown(String campaign) {
        CampaignSlugs.require(campaign);
        if (campaigns.find(campaign).isEmpty()) {
            throw ProblemException.notFound("analytics has not heard of campaign " + campaign);
        }
    }
}
