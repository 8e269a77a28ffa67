package dev.faro.email.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.support.campaign.CampaignSlugs;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Turns a campaign's engagement tracking on or off. It is off until someone turns it on. */
@Path("/api/admin/campaigns/{campaign}/engagement")
@Tag(name = "Engagement tracking", description = "The open pixel and tracked links of campaigns with tracking on")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
public class CampaignEngagementResource {

    private static final String TRACKING = "tracking";

    private final CampaignEngagement engagement;

    public CampaignEngagementResource(CampaignEngagement engagement) {
        this.engagement = engagement;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A campaign's tracking setting",
            description = "Off for every campaign nobody turned it on for, known to this service or not.")
    @APIResponse(
            responseCode = "200",
            description = "The setting",
            content = @Content(schema = @Schema(implementation = TrackingSetting.class)))
    @APIResponse(
            responseCode = "400",
            description = "The campaign id is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrackingSetting get(@Parameter(description = "Campaign id") @PathParam("campaign") String campaign) {
        CampaignSlugs.require(campaign);
        return new TrackingSetting(engagement.isTracked(campaign));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Turn a campaign's tracking on or off",
            description = "Applies to messages sent from now on. Turned off, it also stops recording opens and clicks"
                    + " of messages already sent (their links keep working).")
    @RequestBody(content = @Content(schema = @Schema(implementation = TrackingSetting.class)))
    @APIResponse(
            responseCode = "200",
            description = "The setting now in force",
            content = @Content(schema = @Schema(implementation = TrackingSetting.class)))
    @APIResponse(
            responseCode = "400",
            description = "The campaign id is malformed, or the body is not `{\"tracking\": true|false}`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrackingSetting put(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign, JsonNode body) {
        CampaignSlugs.require(campaign);
        boolean tracking = trackingOf(body);
        engagement.setTracking(campaign, tracking);
        return new TrackingSetting(tracking);
    }

    /** The body must be exactly {@code {"tracking": true|false}}: a string or a number is not taken for a boolean. */
    private static boolean trackingOf(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(TRACKING, "is required: the body must be {\"tracking\": true|false}");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        JsonNode tracking = body.get(TRACKING);
        if (tracking == null || tracking.isNull()) {
            errors.add(new Problem.FieldError(TRACKING, "is required"));
        } else if (!tracking.isBoolean()) {
            errors.add(new Problem.FieldError(TRACKING, "must be true or false"));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TRACKING.equals(name)) {
                // The name is the client's: bounded, so a huge one is not echoed back whole.
                String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
                errors.add(new Problem.FieldError(shown, "unknown property"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return tracking.booleanValue();
    }
}
