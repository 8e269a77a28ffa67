package dev.faro.email.report;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a campaign's emails stand: per message kind, and in total. */
@Schema(description = "Delivery report of a campaign's emails")
public record CampaignEmails(
        @Schema(description = "Campaign id") String campaign,
        @Schema(
                        description = "Per message kind (incentive, confirmation, erasure-link, expiry-reminder…), in"
                                + " alphabetical order; a kind the campaign never had is absent")
                Map<String, StatusCounts> kinds,
        @Schema(description = "All kinds together") StatusCounts totals) {}
