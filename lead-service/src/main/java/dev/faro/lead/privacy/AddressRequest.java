package dev.faro.lead.privacy;

import dev.faro.lead.capture.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An email address whose leads are to be erased; trimmed and lower-cased as capture stores it. */
@Schema(name = "ErasureAddress")
public record AddressRequest(
        @Schema(examples = "lucia@example.org")
                @NotBlank(message = "is required")
                @Size(max = 254, message = "must be at most 254 characters")
                @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address")
                @PlainText
                String email) {

    public AddressRequest {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
