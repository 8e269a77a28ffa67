package dev.faro.lead.reconciliation;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a reconciliation of one window found. */
@Schema(description = "Leads acknowledged in a window, followed through every service")
public record ReconciliationReport(
        @Schema(description = "Start of the window (inclusive): when the leads were captured") Instant from,
        @Schema(description = "End of the window (exclusive)") Instant to,
        @Schema(description = "When the services were asked") Instant checkedAt,
        @Schema(description = "Complete and without a discrepancy: nothing acknowledged was lost or repeated")
                boolean clean,
        @Schema(description = "Every service answered for every lead; false means the report cannot vouch for them")
                boolean complete,
        ReconciliationTotals totals,
        @Schema(description = "How many discrepancies were found") long discrepancyCount,
        @Schema(description = "The discrepancies, the first " + Reconciliation.LISTED + " of them")
                List<Discrepancy> discrepancies,
        @Schema(description = "The services (or Kafka) that could not answer, and why") List<Unavailable> unavailable) {

    /** A source the reconciliation could not read. */
    public record Unavailable(String source, String reason) {}
}
