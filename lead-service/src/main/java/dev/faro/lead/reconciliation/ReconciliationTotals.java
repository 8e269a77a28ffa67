package dev.faro.lead.reconciliation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a reconciliation counted, clean or not: the numbers an operator compares with what they expected. */
@Schema(description = "Counts over the window")
public record ReconciliationTotals(
        @Schema(description = "Leads captured in the window and still held (erased leads are not)") long leads,
        @Schema(description = "Of those, captured within the grace period: still in flight, not checked") long inFlight,
        @Schema(description = "Checked leads waiting for their double opt-in confirmation") long pending,
        @Schema(description = "Incentives issued to the checked leads") long incentivesIssued,
        @Schema(description = "Checked leads an offer's rule gave nothing (budget spent, expired...)")
                long incentivesRefused,
        @Schema(description = "Incentive emails sent") long emailsSent,
        @Schema(description = "Incentive emails in another final state: failed, suppressed or cancelled")
                long emailsNotSent,
        @Schema(description = "Records in the dead-letter topic since the window began") long deadLettered) {

    /** Counted as the pages go. */
    static final class Counter {
        long leads;
        long inFlight;
        long pending;
        long incentivesIssued;
        long incentivesRefused;
        long emailsSent;
        long emailsNotSent;
        long deadLettered;

        ReconciliationTotals totals() {
            return new ReconciliationTotals(
                    leads,
                    inFlight,
                    pending,
                    incentivesIssued,
                    incentivesRefused,
                    emailsSent,
                    emailsNotSent,
                    deadLettered);
        }
    }
}
