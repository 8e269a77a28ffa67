package dev.faro.analytics.funnel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The funnel of one campaign as the API shows it. */
@Schema(name = "Funnel", description = "How far the leads of a campaign got, summed over the requested days")
public record FunnelView(
        @Schema(description = "The campaign slug", examples = "demo") String campaign,
        @Schema(description = "Leads captured") long leads,
        @Schema(description = "Incentives issued to leads") long incentivesIssued,
        @Schema(description = "Emails the mail server accepted") long emailsSent) {

    static FunnelView of(String campaign, FunnelCounts counts) {
        return new FunnelView(campaign, counts.leads(), counts.incentivesIssued(), counts.emailsSent());
    }
}
