package dev.faro.lead.capture;

import dev.faro.lead.web.IanaTimeZone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body a landing page posts. Only these properties bind: anything else (status, score, ids, consent
 * timestamps…) is rejected, so a client cannot assign what Faro decides.
 *
 * <p>Text is trimmed of surrounding spaces, and an optional field sent empty counts as absent: forms post
 * {@code ""} for an input left blank, and that must not fail the phone or time-zone format. Control characters
 * are rejected, never stripped (see {@link PlainText}). Markup is ordinary text here: a name such as {@code
 * <b>Ana</b>} is stored as sent, and whoever renders it escapes it.
 */
@Schema(name = "LeadCaptureRequest")
public record CaptureRequest(
        @Schema(examples = "lucia@example.org", description = "Trimmed; compared case-insensitively")
                @NotBlank(message = "is required")
                @Size(max = 254, message = "must be at most 254 characters")
                @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address")
                @PlainText
                String email,
        @Schema(examples = "demo")
                @NotBlank(message = "is required")
                @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$", message = "must be a campaign id (lowercase slug)")
                String campaign,
        @NotNull(message = "is required") @Valid ConsentRequest consent,
        @Schema(examples = "Lucía García", description = "Stored as sent; markup is not interpreted")
                @Size(max = 200, message = "must be at most 200 characters")
                @PlainText
                String name,
        @Schema(
                        examples = "+34612345678",
                        description = "E.164; spaces, dots and hyphens between digits are removed first")
                @Pattern(regexp = "^\\+[1-9]\\d{6,14}$", message = "must be an E.164 number such as +34612345678")
                @PlainText
                String phone,
        @Schema(examples = "Acme S.L.") @Size(max = 200, message = "must be at most 200 characters") @PlainText
                String company,
        @Schema(examples = "es", description = "es or en; defaults to the campaign's")
                @Pattern(regexp = "^(es|en)$", message = "must be es or en")
                String locale,
        @Schema(examples = "Europe/Madrid", description = "IANA time zone; defaults to the campaign's")
                @Size(max = 64, message = "must be at most 64 characters")
                @IanaTimeZone
                String timeZone,
        @Schema(examples = "redes-sociales", description = "The landing page the form is on")
                @Size(max = 200, message = "must be at most 200 characters")
                @PlainText
                String landingPage,
        @Schema(examples = "a", description = "The A/B variant of the landing page shown")
                @Size(max = 64, message = "must be at most 64 characters")
                @PlainText
                String variant,
        @Schema(
                        examples = "v-7f3e9a",
                        description = "The random id the landing page keeps for this browser, as sent with its visits")
                @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$", message = "must be 1 to 64 letters, digits, '_' or '-'")
                String visitorId,
        @Schema(examples = "https://www.google.com/", description = "document.referrer of the landing page")
                @Size(max = 2048, message = "must be at most 2048 characters")
                @PlainText
                String referrer,
        @Valid UtmRequest utm,
        @Schema(
                        description = "Values of the custom fields the campaign declares (name → value); checked"
                                + " against their declared types. HTML form strings such as \"42\" or \"on\" are"
                                + " accepted for numbers and booleans.",
                        examples = "{\"company-size\": 50, \"newsletter-topics\": \"novela\"}")
                @Size(max = 50, message = "must have at most 50 fields")
                Map<String, Object> customFields,
        @Schema(
                        description =
                                "Honeypot: a hidden field people leave empty. Filled in, the submission is answered as"
                                        + " usual and discarded.")
                String website) {

    private static final java.util.regex.Pattern SURROUNDING_SPACES =
            java.util.regex.Pattern.compile("^\\p{Zs}+|\\p{Zs}+$");
    private static final java.util.regex.Pattern PHONE_SEPARATORS =
            java.util.regex.Pattern.compile("(?<=\\d)[\\p{Zs}.-]+(?=\\d)");

    public CaptureRequest {
        email = trimmed(email);
        email = email == null ? null : email.toLowerCase(Locale.ROOT);
        campaign = trimmed(campaign);
        name = trimmed(name);
        phone = trimmed(phone);
        phone = phone == null ? null : PHONE_SEPARATORS.matcher(phone).replaceAll("");
        company = trimmed(company);
        locale = trimmed(locale);
        timeZone = trimmed(timeZone);
        landingPage = trimmed(landingPage);
        variant = trimmed(variant);
        visitorId = trimmed(visitorId);
        referrer = trimmed(referrer);
    }

    /** Whether the honeypot field was filled in: only a bot fills a field nobody can see. */
    public boolean honeypotFilled() {
        return trimmed(website) != null;
    }

    /** What the person agreed to on the form. */
    @Schema(name = "LeadConsent")
    public record ConsentRequest(
            @Schema(description = "Agreement to receive marketing email") @NotNull(message = "is required")
                    Boolean marketing,
            @Schema(
                            examples = "sha256:9f2c5a0e6b1d4c3a8e7f60b5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a29",
                            description =
                                    "SHA-256 of the exact consent text shown, as sha256:<64 lowercase hex digits>")
                    @Pattern(
                            regexp = "^sha256:[0-9a-f]{64}$",
                            message = "must be sha256: followed by 64 lowercase hexadecimal digits")
                    String textVersion) {

        public ConsentRequest {
            textVersion = trimmed(textVersion);
        }
    }

    /** The UTM parameters of the visit that produced the lead. */
    @Schema(name = "LeadUtm")
    public record UtmRequest(
            @Schema(examples = "newsletter") @Size(max = 200, message = "must be at most 200 characters") @PlainText
                    String source,
            @Schema(examples = "email") @Size(max = 200, message = "must be at most 200 characters") @PlainText
                    String medium,
            @Schema(examples = "otono") @Size(max = 200, message = "must be at most 200 characters") @PlainText
                    String campaign,
            @Size(max = 200, message = "must be at most 200 characters") @PlainText String term,
            @Size(max = 200, message = "must be at most 200 characters") @PlainText String content) {

        public UtmRequest {
            source = trimmed(source);
            medium = trimmed(medium);
            campaign = trimmed(campaign);
            term = trimmed(term);
            content = trimmed(content);
        }

        boolean isEmpty() {
            return source == null && medium == null && campaign == null && term == null && content == null;
        }
    }

    /** Without surrounding spaces (control characters stay, to be rejected); null when nothing is left. */
    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = SURROUNDING_SPACES.matcher(value).replaceAll("");
        return trimmed.isEmpty() ? null : trimmed;
    }
}
