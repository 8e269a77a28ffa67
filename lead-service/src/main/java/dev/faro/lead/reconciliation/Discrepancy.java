package dev.faro.lead.reconciliation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something a reconciliation found that should not be: a lead's step missing, repeated, stuck or dead-lettered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One thing that did not reconcile")
public record Discrepancy(
        @Schema(description = "What is wrong") Kind kind,
        @Schema(description = "The lead concerned; absent for a dead letter whose key is not a lead id") UUID leadId,
        @Schema(description = "The lead's campaign, when known") String campaign,
        @Schema(description = "The service where it shows") String service,
        @Schema(description = "What was found, without personal data") String detail) {

    /** The kinds, as stable slugs a script can match. */
    public enum Kind {
        INCENTIVE_MISSING("incentive-missing"),
        INCENTIVE_DUPLICATED("incentive-duplicated"),
        INCENTIVE_UNEXPECTED("incentive-unexpected"),
        EMAIL_MISSING("email-missing"),
        EMAIL_NOT_FINAL("email-not-final"),
        EMAIL_DUPLICATED("email-duplicated"),
        WAITING_FOR_DATA_KEY("waiting-for-data-key"),
        STUCK_IN_OUTBOX("stuck-in-outbox"),
        FUNNEL_MISCOUNTED("funnel-miscounted"),
        DEAD_LETTERED("dead-lettered");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        @JsonValue
        public String slug() {
            return slug;
        }
    }
}
