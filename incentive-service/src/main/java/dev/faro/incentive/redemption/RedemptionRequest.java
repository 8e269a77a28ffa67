package dev.faro.incentive.redemption;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order a shop reports as paid with a code. */
public record RedemptionRequest(
        @Schema(
                        description =
                                "The shop's order id; reporting the same order again is answered as the first time",
                        examples = "ORD-2026-000123")
                @NotBlank(message = "must not be blank")
                @Size(max = 100, message = "must have at most 100 characters")
                @Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*", message = "must not contain control characters")
                String orderId,
        @Schema(description = "What the order was worth, at least 0, at most two decimals", examples = "59.90")
                @NotNull(message = "is required")
                @DecimalMin(value = "0", message = "must not be negative")
                @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits and 2 decimals")
                BigDecimal orderValue,
        @Schema(description = "ISO 4217 code of the order's currency", examples = "EUR")
                @NotNull(message = "is required")
                @CurrencyCode
                String currency) {}
