package dev.faro.lead.campaign;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A field the campaign's form may carry beyond the standard ones. */
@Schema(name = "CampaignCustomField")
public record CustomField(
        @Schema(examples = "company-size")
                @NotNull(message = "is required")
                @Pattern(regexp = CampaignIds.SLUG, message = CampaignIds.SLUG_MESSAGE)
                String name,
        @Schema(
                        examples = "number",
                        enumeration = {"text", "number", "boolean", "date", "email", "phone"})
                @NotNull(message = "is required")
                @Pattern(
                        regexp = "^(text|number|boolean|date|email|phone)$",
                        message = "must be one of text, number, boolean, date, email, phone")
                String type,
        @Schema(description = "Whether the form must send it") @NotNull(message = "is required") Boolean required)
        implements UniqueKeys.Keyed {

    @Override
    public String key() {
        return name;
    }
}
