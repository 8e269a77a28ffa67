package dev.faro.lead.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything Faro holds on one lead, across the four services, as one document. */
@Schema(name = "PersonalDataExport")
public record PersonalDataExport(
        UUID leadId,
        Instant exportedAt,
        @Schema(description = "false when a service did not answer: its section says so and why") boolean complete,
        @Schema(description = "Every column of the lead row, as stored") JsonNode lead,
        @Schema(description = "The consent ledger: every consent record of the lead, oldest first") JsonNode consent,
        @Schema(description = "Each time the lead was sent to a campaign's webhook, with the recipient's host")
                JsonNode webhookDeliveries,
        @Schema(description = "incentive-service's answer, or {unavailable: true, reason}") JsonNode incentives,
        @Schema(description = "email-service's answer (contact, messages), or {unavailable: true, reason}")
                JsonNode emails,
        @Schema(description = "analytics-service's answer, or {unavailable: true, reason}") JsonNode analytics) {}
