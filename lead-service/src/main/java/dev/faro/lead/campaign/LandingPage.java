package dev.faro.lead.campaign;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A landing page of a campaign and the ids of its A/B variants, as the visit beacon reports them. */
@Schema(name = "CampaignLandingPage")
public record LandingPage(
        @Schema(examples = "redes-sociales")
                @NotNull(message = "is required")
                @Pattern(regexp = CampaignIds.SLUG, message = CampaignIds.SLUG_MESSAGE)
                String id,
        @Schema(
                        description = "Variant ids, distinct; empty when the page is not being tested",
                        examples = "[\"a\", \"b\"]")
                @Size(max = 26, message = "must have at most 26 variants")
                @Slugs
                List<String> variants)
        implements UniqueKeys.Keyed {

    public LandingPage {
        variants = variants == null ? List.of() : variants;
    }

    @Override
    public String key() {
        return id;
    }
}
