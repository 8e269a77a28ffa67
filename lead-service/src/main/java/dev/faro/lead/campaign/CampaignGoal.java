package dev.faro.lead.campaign;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the campaign aims for: so many leads of a kind by a deadline. */
@Schema(name = "CampaignGoal")
public record CampaignGoal(
        @Schema(examples = "500") @NotNull(message = "is required") @Positive(message = "must be greater than 0")
                Long targetLeads,
        @Schema(examples = "newsletter", description = "The kind of lead counted towards the goal")
                @NotNull(message = "is required")
                @Pattern(regexp = CampaignIds.SLUG, message = CampaignIds.SLUG_MESSAGE)
                String leadType,
        @Schema(examples = "2026-12-31T23:00:00Z") @NotNull(message = "is required") Instant deadline) {}
