package dev.faro.incentive.pool;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new pool: its id, the campaign whose offers draw from it and the remaining count that raises the alarm. */
@Schema(name = "CodePoolRequest")
public record CodePoolRequest(
        @NotNull
                @Pattern(regexp = SLUG, message = "must be a slug of 1 to 63 lower-case letters, digits and dashes")
                @Schema(example = "demo-shopify")
                String id,
        @NotNull @Pattern(regexp = SLUG, message = "must be a campaign id") @Schema(example = "demo") String campaign,
        @NotNull
                @Min(0)
                @Max(1_000_000)
                @Schema(description = "CodePoolRunningLow is published when an allocation leaves this many or fewer")
                Integer lowWater) {

    static final String SLUG = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";
}
