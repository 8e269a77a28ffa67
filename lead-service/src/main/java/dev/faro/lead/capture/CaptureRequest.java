package dev.faro.lead.capture;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body a landing page posts. Only these properties bind: anything else (status, ids, consent
 * timestamps…) is rejected, so a client cannot assign what Faro decides.
 */
@Schema(name = "LeadCaptureRequest")
public record CaptureRequest(
        @Schema(examples = "lucia@example.org", description = "Trimmed; compared case-insensitively")
                @NotBlank(message = "is required")
                @Size(max = 254, message = "must be at most 254 characters")
                @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address")
                String email,
        @Schema(examples = "Lucía") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Schema(examples = "demo")
                @NotBlank(message = "is required")
                @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$", message = "must be a campaign id (lowercase slug)")
                String campaign,
        @NotNull(message = "is required") @Valid ConsentRequest consent,
        @Schema(examples = "es", description = "es or en; defaults to the campaign's")
                @Pattern(regexp = "^(es|en)$", message = "must be es or en")
                String locale) {

    public CaptureRequest {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        name = name == null ? null : stripControlCharacters(name).strip();
        campaign = campaign == null ? null : campaign.strip();
    }

    /** What the person agreed to on the form. */
    @Schema(name = "LeadConsent")
    public record ConsentRequest(
            @Schema(description = "Agreement to receive marketing email") @NotNull(message = "is required")
                    Boolean marketing) {}

    private static String stripControlCharacters(String value) {
        return value.replaceAll("\\p{Cntrl}", "");
    }
}
