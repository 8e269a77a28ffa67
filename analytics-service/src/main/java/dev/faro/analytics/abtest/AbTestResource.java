package dev.faro.analytics.abtest;

import dev.faro.analytics.AnalyticsApi;
import dev.faro.contract.events.CampaignChanged;
import dev.faro.support.campaign.CampaignSlugs;
import dev.faro.support.campaign.CampaignViews;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/campaigns/{campaign}/ab")
@Tag(name = "A/B tests", description = "Variant comparison of a landing page with an honest verdict")
@SecurityRequirement(name = AnalyticsApi.BEARER)
public class AbTestResource {

    static final String SLUG = CampaignSlugs.PATTERN;
    /** The control when the campaign lists no variants for the page and the facts have one of this name. */
    private static final String DEFAULT_CONTROL = "a";

    private final CampaignViews campaigns;
    private final VariantFactStore facts;
    private final AbTestSettings settings;

    public AbTestResource(CampaignViews campaigns, VariantFactStore facts, AbTestConfig config) {
        this.campaigns = campaigns;
        this.facts = facts;
        this.settings = config.settings();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "A/B test of a landing page",
            description = "Visitors, leads and conversion rate (95 % Wilson interval) of each variant, each"
                    + " challenger against the control with an always-valid test (mixture SPRT) that may be read"
                    + " every day without inflating false winners, and the verdict: inconclusive, winner or"
                    + " no-difference. Every variant needs a minimum of visitors and leads before any verdict.")
    @APIResponse(
            responseCode = "200",
            description = "The variants and the verdict",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AbTestView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The campaign slug is not valid, or `page` is missing (several landing pages) or not one"
                    + " of the campaign's; `errors` names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Analytics has not heard of this campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AbTestView abTest(
            @Parameter(description = "Campaign slug", schema = @Schema(pattern = SLUG)) @PathParam("campaign")
                    String campaign,
            @Parameter(
                            description = "Landing page id; optional when the campaign has a single landing page",
                            example = "redes-sociales")
                    @QueryParam("page")
                    String page) {
        CampaignSlugs.require(campaign);
        CampaignChanged state = campaigns
                .find(campaign)
                .orElseThrow(() -> ProblemException.notFound("analytics has not heard of campaign " + campaign));
        CampaignChanged.LandingPage landingPage = landingPage(state, page);
        List<DailyVariantCounts> days = facts.dailyCounts(campaign, landingPage.id());
        AbTestResult result = new AbTestAnalysis(settings).analyse(variants(landingPage, days), days);
        return AbTestView.of(campaign, landingPage.id(), result, settings);
    }

    private static CampaignChanged.LandingPage landingPage(CampaignChanged campaign, String page) {
        List<CampaignChanged.LandingPage> pages = campaign.landingPages() == null ? List.of() : campaign.landingPages();
        String known = pages.isEmpty()
                ? "the campaign has no landing pages"
                : "one of "
                        + pages.stream().map(CampaignChanged.LandingPage::id).collect(Collectors.joining(", "));
        if (page == null || page.isBlank()) {
            if (pages.size() == 1) {
                return pages.get(0);
            }
            throw ProblemException.invalid("page", "is required when a campaign has several landing pages: " + known);
        }
        return pages.stream()
                .filter(candidate -> candidate.id().equals(page))
                .findFirst()
                .orElseThrow(
                        () -> ProblemException.invalid("page", "must be a landing page of the campaign: " + known));
    }

    /**
     * The campaign's variants of the page in its order, the first being the control, followed by any variant
     * the facts show but the campaign no longer lists (so no traffic disappears from the comparison).
     */
    private static List<String> variants(CampaignChanged.LandingPage page, List<DailyVariantCounts> days) {
        List<String> variants = new ArrayList<>(page.variants() == null ? List.of() : page.variants());
        TreeSet<String> seen = new TreeSet<>();
        days.forEach(day -> seen.add(day.variant()));
        if (variants.isEmpty()) {
            variants.add(seen.isEmpty() || seen.contains(DEFAULT_CONTROL) ? DEFAULT_CONTROL : seen.first());
        }
        seen.stream().filter(variant -> !variants.contains(variant)).forEach(variants::add);
        return variants;
    }
}
