package dev.faro.lead.leads;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A lead as Faro shows it outside: to marketers in the admin API and the CSV export, and to a CRM in a webhook
 * delivery. Attribution and UTM are first-touch, as captured.
 */
@Schema(name = "Lead")
public record LeadView(
        UUID id,
        @Schema(examples = "black-friday") String campaign,
        @Schema(examples = "lucia@example.org") String email,
        @Schema(nullable = true) String name,
        @Schema(nullable = true, examples = "+34612345678") String phone,
        @Schema(nullable = true) String company,
        @Schema(enumeration = {"es", "en"}) String locale,
        @Schema(examples = "Europe/Madrid") String timeZone,
        @Schema(enumeration = {LeadStatus.PENDING, LeadStatus.CONFIRMED}) String status,
        Instant createdAt,
        @Schema(nullable = true, description = "When the lead confirmed its address; null while pending")
                Instant confirmedAt,
        Consent consent,
        Attribution attribution,
        Utm utm) {

    /** The latest marketing consent answer and when it was given. */
    @Schema(name = "LeadConsent")
    public record Consent(boolean marketing, Instant givenAt) {}

    /** Where the lead came from, as first captured. */
    @Schema(name = "LeadAttribution")
    public record Attribution(
            @Schema(nullable = true) String landingPage,
            @Schema(nullable = true) String variant,
            @Schema(nullable = true) String visitorId,
            @Schema(nullable = true) String referrer) {}

    @Schema(name = "LeadUtm")
    public record Utm(
            @Schema(nullable = true) String source,
            @Schema(nullable = true) String medium,
            @Schema(nullable = true) String campaign,
            @Schema(nullable = true) String term,
            @Schema(nullable = true) String content) {}
}
