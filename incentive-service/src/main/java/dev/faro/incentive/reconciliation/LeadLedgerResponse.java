package dev.faro.incentive.reconciliation;

import dev.faro.incentive.issuing.OfferGrants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of each lead asked about, one entry per id in the order asked. */
@Schema(name = "LeadLedger")
public record LeadLedgerResponse(List<Lead> leads) {

    /** Every list is empty when this service holds nothing of that kind on the lead. */
    @Schema(name = "LeadLedgerEntry")
    public record Lead(
            UUID leadId,
            @Schema(description = "The lead was erased: its incentives no longer name it") boolean erased,
            @Schema(description = "Every incentive row of the lead, as stored (more than one per campaign is a fault)")
                    List<Incentive> incentives,
            @Schema(description = "Campaigns whose offer rules gave the lead no incentive") List<Refusal> refusals,
            @Schema(description = "Events about the lead recorded but not yet acknowledged by Kafka, oldest first")
                    List<Unsent> unsent) {}

    @Schema(name = "LeadLedgerIncentive")
    public record Incentive(String campaign, String kind, Instant issuedAt) {}

    @Schema(name = "LeadLedgerRefusal")
    public record Refusal(
            String campaign,
            @Schema(
                            enumeration = {
                                OfferGrants.EXPIRED,
                                OfferGrants.BUDGET_EXHAUSTED,
                                OfferGrants.CODE_POOL_EXHAUSTED,
                                OfferGrants.FALLBACK_CHAIN_TOO_LONG
                            })
                    String reason,
            Instant refusedAt) {}

    @Schema(name = "LeadLedgerUnsentEvent")
    public record Unsent(@Schema(description = "The event's CloudEvents type") String type, Instant recordedAt) {}
}
