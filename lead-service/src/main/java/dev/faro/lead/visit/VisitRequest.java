package dev.faro.lead.visit;

import dev.faro.contract.events.Utm;
import dev.faro.contract.events.VisitRecorded;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The beacon a landing page sends when it is viewed. It names no person: the visitor id is a random id the
 * page keeps in the browser, and the client's address is deliberately not read. Blank optional values
 * count as absent.
 */
@Schema(name = "VisitRequest")
public record VisitRequest(
        @Schema(examples = "v-7f3e9a", description = "Random id the landing page keeps for this browser")
                @NotNull(message = "is required")
                @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$", message = "must be 1 to 64 letters, digits, '_' or '-'")
                String visitorId,
        // Checked by form only: reading the campaign table here would put the database on the busiest path.
        // A visit to a campaign that does not exist is harmless, as analytics ignores visits to unknown campaigns.
        @Schema(examples = "demo")
                @NotNull(message = "is required")
                @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$", message = "must be a campaign id (lowercase slug)")
                String campaign,
        @Schema(examples = "redes-sociales")
                @Size(max = 200, message = "must be at most 200 characters")
                @Pattern(regexp = PRINTABLE, message = NO_CONTROL_CHARACTERS)
                String landingPage,
        @Schema(examples = "a")
                @Size(max = 64, message = "must be at most 64 characters")
                @Pattern(regexp = PRINTABLE, message = NO_CONTROL_CHARACTERS)
                String variant,
        @Valid UtmRequest utm,
        @Schema(examples = "https://news.example.org/")
                @Size(max = 2048, message = "must be at most 2048 characters")
                @Pattern(regexp = HTTP_URL, message = "must be an http or https URL")
                String referrer) {

    static final String PRINTABLE = "^\\P{Cntrl}*$";
    static final String NO_CONTROL_CHARACTERS = "must not contain control characters";
    /** An absolute http(s) URL with a host, and no spaces or control characters anywhere. */
    static final String HTTP_URL = "^(?i)https?://[^\\s\\p{Cntrl}/?#]+([/?#][^\\s\\p{Cntrl}]*)?$";

    public VisitRequest {
        landingPage = blankToNull(landingPage);
        variant = blankToNull(variant);
        referrer = blankToNull(referrer);
    }

    /** UTM parameters as the landing page read them from its own URL. */
    @Schema(name = "VisitUtm")
    public record UtmRequest(
            @Size(max = 200, message = "must be at most 200 characters")
                    @Pattern(regexp = PRINTABLE, message = NO_CONTROL_CHARACTERS)
                    String source,
            @Size(max = 200, message = "must be at most 200 characters")
                    @Pattern(regexp = PRINTABLE, message = NO_CONTROL_CHARACTERS)
                    String medium,
            @Size(max = 200, message = "must be at most 200 characters")
                    @Pattern(regexp = PRINTABLE, message = NO_CONTROL_CHARACTERS)
                    String campaign,
            @Size(max = 200, message = "must be at most 200 characters")
                    @Pattern(regexp = PRINTABLE, message = NO_CONTROL_CHARACTERS)
                    String term,
            @Size(max = 200, message = "must be at most 200 characters")
                    @Pattern(regexp = PRINTABLE, message = NO_CONTROL_CHARACTERS)
                    String content) {

        public UtmRequest {
            source = blankToNull(source);
            medium = blankToNull(medium);
            campaign = blankToNull(campaign);
            term = blankToNull(term);
            content = blankToNull(content);
        }

        boolean allAbsent() {
            return source == null && medium == null && campaign == null && term == null && content == null;
        }
    }

    /** The event this visit is published as. */
    VisitRecorded toEvent() {
        Utm eventUtm = utm == null || utm.allAbsent()
                ? null
                : new Utm(utm.source(), utm.medium(), utm.campaign(), utm.term(), utm.content());
        return new VisitRecorded(visitorId, campaign, landingPage, variant, eventUtm, referrer);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
