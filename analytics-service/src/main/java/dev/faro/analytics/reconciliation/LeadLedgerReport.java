package dev.faro.analytics.reconciliation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the funnel counted for each lead a reconciliation asked about, one entry per lead, in the order asked. */
@Schema(name = "AnalyticsLeadLedgerReport", description = "One entry per lead asked, in the order asked")
public record LeadLedgerReport(List<Entry> leads) {

    /** What the funnel counted for one lead. */
    @Schema(name = "AnalyticsLeadLedger")
    public record Entry(
            UUID leadId,
            @Schema(
                            description =
                                    "Whether analytics knows where the lead came from (its capture was counted and it"
                                            + " was not erased)")
                    boolean attributed,
            @Schema(
                            description = "How often each funnel stage was counted for the lead, by the funnel's column"
                                    + " name: leads, confirmed, incentives_issued, emails_sent and emails_failed"
                                    + " always, zero when never counted, and any other stage counted (opens, clicks,"
                                    + " redemptions, unsubscribes)",
                            example = "{\"leads\": 1, \"confirmed\": 0, \"incentives_issued\": 1, \"emails_sent\": 1,"
                                    + " \"emails_failed\": 0}")
                    Map<String, Long> counted) {}
}
