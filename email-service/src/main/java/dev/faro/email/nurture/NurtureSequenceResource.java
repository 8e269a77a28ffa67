package dev.faro.email.nurture;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where marketers read and replace a campaign's nurture sequence. */
@Path("/api/admin/campaigns/{campaign}/nurture")
@Tag(name = "Nurture sequences", description = "The emails a campaign's consenting leads get after the incentive")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class NurtureSequenceResource {

    private static final int MAX_CAMPAIGN = 63;

    private final NurtureSequences sequences;
    private final NurtureSequenceRules rules;

    public NurtureSequenceResource(NurtureSequences sequences, NurtureSequenceRules rules) {
        this.sequences = sequences;
        this.rules = rules;
    }

    @GET
    @Operation(
            summary = "A campaign's nurture sequence",
            description = "Its steps in order; a campaign without a sequence has none.")
    @APIResponse(
            responseCode = "200",
            description = "The sequence",
            content = @Content(schema = @Schema(implementation = NurtureSequence.class)))
    public NurtureSequence sequence(@Parameter(description = "Campaign id") @PathParam("campaign") String campaign) {
        return NurtureSequence.of(sequences.of(known(campaign)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a campaign's nurture sequence",
            description = "Saves the whole sequence (at most 20 steps; an empty list removes it). It applies to steps"
                    + " not scheduled yet: a step already waiting in a lead's queue keeps its time, template and"
                    + " condition, and the next step is taken from the sequence as it stands when that one is sent.")
    @APIResponse(
            responseCode = "200",
            description = "The sequence as saved",
            content = @Content(schema = @Schema(implementation = NurtureSequence.class)))
    @APIResponse(
            responseCode = "400",
            description = "A step is not valid; `errors` names each field at fault, such as `steps[1].delay`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NurtureSequence replace(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign, NurtureSequence sequence) {
        String id = known(campaign);
        sequences.replace(id, rules.validate(id, sequence));
        return NurtureSequence.of(sequences.of(id));
    }

    /** Campaign ids are at most 63 characters: a longer one names no campaign. */
    private static String known(String campaign) {
        if (campaign == null || campaign.isBlank() || campaign.length() > MAX_CAMPAIGN) {
            throw ProblemException.notFound("no such campaign");
        }
        return campaign;
    }
}
