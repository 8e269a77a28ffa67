package dev.faro.lead.campaign;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the campaign spends on one traffic source (the utm source its visits carry). */
@Schema(name = "CampaignSpend")
public record Spend(
        @Schema(examples = "newsletter")
                @NotNull(message = "is required")
                @Pattern(regexp = CampaignIds.SLUG, message = CampaignIds.SLUG_MESSAGE)
                String source,
        @Schema(examples = "120.00", description = "At least 0, with at most 2 decimals")
                @NotNull(message = "is required")
                @DecimalMin(value = "0", message = "must be at least 0")
                @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits and 2 decimals")
                BigDecimal amount,
        @Schema(examples = "EUR", description = "ISO 4217 currency code") @NotNull(message = "is required") @IsoCurrency
                String currency)
        implements UniqueKeys.Keyed {

    @Override
    public String key() {
        return source;
    }
}
