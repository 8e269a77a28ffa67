package dev.faro.lead.campaign;

import dev.faro.lead.web.IanaTimeZone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything a marketer sets on a campaign, for creating it ({@code id}, no {@code revision}) or replacing it
 * (the {@code revision} last read, no other {@code id} than the path's). A list left out is empty: an update
 * replaces the whole campaign. What Faro decides (archived, timestamps) is not part of it, and an unknown property
 * is refused rather than ignored.
 */
@Schema(name = "CampaignRequest")
public record CampaignRequest(
        @Schema(examples = "black-friday", description = "Required when creating; when updating, absent or the path's")
                @NotNull(groups = Create.class, message = "is required")
                @Pattern(regexp = CampaignIds.SLUG, message = CampaignIds.SLUG_MESSAGE)
                String id,
        @Schema(examples = "3", description = "Required when updating: the revision last read; refused when creating")
                @NotNull(groups = Update.class, message = "is required")
                @Null(groups = Create.class, message = "is assigned by Faro; send it only when updating")
                @PositiveOrZero(message = "must be 0 or more")
                Long revision,
        @Schema(examples = "Desbloquea el poder de las redes sociales")
                @NotBlank(message = "is required")
                @Size(max = 200, message = "must be at most 200 characters")
                @Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*", message = "must not contain control characters")
                String name,
        @Schema(
                        examples = "es",
                        enumeration = {"es", "en"})
                @NotNull(message = "is required")
                @Pattern(regexp = "^(es|en)$", message = "must be es or en")
                String locale,
        @Schema(examples = "Europe/Madrid") @NotNull(message = "is required") @IanaTimeZone String timeZone,
        @Size(max = 50, message = "must have at most 50 landing pages") @UniqueKeys(property = "id") @Valid
                List<LandingPage> landingPages,
        @Schema(
                        description = "Origins allowed to post this campaign's forms from a browser (CORS)",
                        examples = "[\"https://www.example.org\"]")
                @Size(max = 20, message = "must have at most 20 origins")
                @HttpsOrigins
                List<String> allowedOrigins,
        @Schema(description = "Optional") @Valid CampaignGoal goal,
        @Schema(description = "Spend per traffic source; one entry per source")
                @Size(max = 50, message = "must have at most 50 sources")
                @UniqueKeys(property = "source")
                @Valid
                List<Spend> spend,
        @Schema(description = "Whether a lead must confirm their address before anything else is sent")
                @NotNull(message = "is required")
                Boolean doubleOptIn,
        @Schema(description = "Fields the campaign's form may carry besides the standard ones")
                @Size(max = 50, message = "must have at most 50 custom fields")
                @UniqueKeys(property = "name")
                @Valid
                List<CustomField> customFields,
        @Schema(examples = "demo-ebook-10", description = "The offer (incentive) this campaign promises; optional")
                @Pattern(regexp = CampaignIds.SLUG, message = CampaignIds.SLUG_MESSAGE)
                String offerRef) {

    public CampaignRequest {
        name = name == null ? null : name.strip();
        landingPages = landingPages == null ? List.of() : landingPages;
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins;
        spend = spend == null ? List.of() : spend;
        customFields = customFields == null ? List.of() : customFields;
    }

    /** Validation group of a create: everything by default, plus the id and no revision. */
    public interface Create extends Default {}

    /** Validation group of an update: everything by default, plus the revision. */
    public interface Update extends Default {}

    CampaignDefinition definition() {
        return new CampaignDefinition(
                name,
                locale,
                timeZone,
                List.copyOf(landingPages),
                List.copyOf(allowedOrigins),
                goal,
                List.copyOf(spend),
                doubleOptIn,
                List.copyOf(customFields),
                offerRef);
    }
}
