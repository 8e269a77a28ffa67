package dev.faro.email.template;

import dev.faro.email.contact.Language;
import dev.faro.email.sending.MessageComposer;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A campaign's own wording of its emails: marketers override a template per language, as Qute templates that
 * are validated on save and previewed with sample data.
 */
@Path("/api/admin/campaigns/{campaign}/templates")
@Tag(name = "Email templates", description = "A campaign's overrides of its email templates")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.MARKETER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CampaignTemplatesResource {

    /** The width of {@code campaign_template.campaign}: a longer id names no campaign. */
    private static final int MAX_CAMPAIGN_LENGTH = 63;

    private final CampaignTemplates store;
    private final TemplateOwners owners;
    private final TemplateValidator validator;
    private final TemplatePreviews previews;

    public CampaignTemplatesResource(
            CampaignTemplates store, TemplateOwners owners, TemplateValidator validator, TemplatePreviews previews) {
        this.store = store;
        this.owners = owners;
        this.validator = validator;
        this.previews = previews;
    }

    @GET
    @Operation(
            summary = "The campaign's template overrides",
            description = "Every template the campaign overrides, per language, with when it was last saved. A"
                    + " template or language not listed uses the built-in wording.")
    @APIResponse(
            responseCode = "200",
            description = "The overrides",
            content = @Content(schema = @Schema(implementation = TemplateSummary.class, type = SchemaType.ARRAY)))
    public List<TemplateSummary> list(@Parameter(description = "Campaign id") @PathParam("campaign") String campaign) {
        return store.list(campaign(campaign));
    }

    @GET
    @Path("/{template}/{locale}")
    @Operation(summary = "One override", description = "The campaign's override of a template in one language.")
    @APIResponse(
            responseCode = "200",
            description = "The override",
            content = @Content(schema = @Schema(implementation = TemplateOverride.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown template or language, or the campaign does not override it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TemplateOverride get(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign,
            @Parameter(description = "Template name, such as incentive") @PathParam("template") String template,
            @Parameter(description = "es or en") @PathParam("locale") String locale) {
        owners.ownerOf(template);
        return store.find(campaign(campaign), template, language(locale))
                .orElseThrow(() -> ProblemException.notFound(
                        "campaign " + campaign + " does not override " + template + " in " + locale));
    }

    @PUT
    @Path("/{template}/{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Save an override",
            description = "Creates or replaces the campaign's override of a template in one language. Each part is"
                    + " a Qute template that may show only the values the template is given; mail with an"
                    + " unsubscribe link must show {footer.unsubscribeUrl} and {footer.postalAddress} in both"
                    + " bodies. Applies to every message sent from then on.")
    @APIResponse(
            responseCode = "200",
            description = "The saved override",
            content = @Content(schema = @Schema(implementation = TemplateOverride.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown template or language",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A part does not parse, is too large, names an unknown value, leaves out the footer or"
                    + " fails to render with the sample data; errors names each part",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TemplateOverride save(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign,
            @Parameter(description = "Template name, such as incentive") @PathParam("template") String template,
            @Parameter(description = "es or en") @PathParam("locale") String locale,
            @RequestBody(required = true) TemplateContent content) {
        String id = campaign(campaign);
        Language language = language(locale);
        validator.validate(owners.ownerOf(template), language, content);
        return store.save(id, template, language, content);
    }

    @DELETE
    @Path("/{template}/{locale}")
    @Operation(
            summary = "Remove an override",
            description = "The campaign goes back to the built-in template in that language, from the next message on.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(
            responseCode = "404",
            description = "Unknown template or language, or the campaign does not override it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign,
            @Parameter(description = "Template name, such as incentive") @PathParam("template") String template,
            @Parameter(description = "es or en") @PathParam("locale") String locale) {
        owners.ownerOf(template);
        if (!store.delete(campaign(campaign), template, language(locale))) {
            throw ProblemException.notFound(
                    "campaign " + campaign + " does not override " + template + " in " + locale);
        }
    }

    @POST
    @Path("/{template}/{locale}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Preview a template",
            description = "Renders the posted draft (validated as on save, but not saved) or, with an empty body,"
                    + " the campaign's override or else the built-in template, for a sample lead named Begoña in"
                    + " the given language, with sample data and a sample unsubscribe footer.")
    @APIResponse(
            responseCode = "200",
            description = "The rendered subject and bodies",
            content = @Content(schema = @Schema(implementation = TemplatePreview.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown template or language",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The draft is not valid; errors names each part",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TemplatePreview preview(
            @Parameter(description = "Campaign id") @PathParam("campaign") String campaign,
            @Parameter(description = "Template name, such as incentive") @PathParam("template") String template,
            @Parameter(description = "es or en") @PathParam("locale") String locale,
            @RequestBody(required = false) TemplateContent draft) {
        String id = campaign(campaign);
        Language language = language(locale);
        MessageComposer<?> composer = owners.ownerOf(template);
        return previews.preview(id, template, composer, language, draft);
    }

    private static String campaign(String campaign) {
        if (campaign == null || campaign.isBlank() || campaign.length() > MAX_CAMPAIGN_LENGTH) {
            throw ProblemException.notFound("no campaign " + campaign);
        }
        return campaign;
    }

    /** Only the two languages Faro writes in; anything else names no template. */
    private static Language language(String locale) {
        for (Language language : Language.values()) {
            if (language.code().equals(locale)) {
                return language;
            }
        }
        throw ProblemException.notFound("no locale " + locale + "; templates are in es and en");
    }
}
