package dev.faro.lead.campaign;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign as the admin API shows it; send {@code revision} back to update it. */
@Schema(name = "Campaign")
public record CampaignView(
        @Schema(examples = "black-friday") String id,
        @Schema(examples = "3", description = "Increases with every change; send it back to update") long revision,
        @Schema(description = "Archived campaigns take no new leads and are hidden from the list by default")
                boolean archived,
        String name,
        @Schema(enumeration = {"es", "en"}) String locale,
        String timeZone,
        List<LandingPage> landingPages,
        List<String> allowedOrigins,
        @Schema(nullable = true) CampaignGoal goal,
        List<Spend> spend,
        boolean doubleOptIn,
        List<CustomField> customFields,
        @Schema(nullable = true) String offerRef,
        Instant createdAt,
        Instant updatedAt) {

    static CampaignView of(Campaign campaign) {
        CampaignDefinition d = campaign.definition();
        return new CampaignView(
                campaign.id(),
                campaign.revision(),
                campaign.archived(),
                d.name(),
                d.locale(),
                d.timeZone(),
                d.landingPages(),
                d.allowedOrigins(),
                d.goal(),
                d.spend(),
                d.doubleOptIn(),
                d.customFields(),
                d.offerRef(),
                campaign.createdAt(),
                campaign.updatedAt());
    }
}
