package dev.faro.incentive.contest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many winners to draw, and optionally the seed (published beforehand, say); without one Faro makes one. */
public record DrawRequest(
        @Schema(description = "How many winners; at most the number of entries", examples = "3")
                @NotNull(message = "is required")
                @Min(value = 1, message = "must be at least 1")
                @Max(value = 1000, message = "must be at most 1000")
                Integer winners,
        @Schema(description = "Optional. Any printable text; without it Faro draws 32 random bytes (hex)")
                @Size(min = 1, max = 200, message = "must have 1 to 200 characters")
                @Pattern(regexp = "\\p{Print}+", message = "must be printable ASCII")
                String seed) {}
