package dev.faro.email.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One lead as this service's send ledger, its parked events and its outbox see it. */
@Schema(name = "LeadLedger")
public record LeadLedger(
        UUID leadId,
        @Schema(description = "The lead was erased: its messages not yet attempted went with its contact")
                boolean erased,
        @Schema(description = "Every send-ledger row of the lead, oldest first") List<Message> messages,
        @Schema(
                        description = "Events of the lead that arrived before its data key and wait for it, in the"
                                + " order they will be handled")
                List<AwaitingKey> eventsAwaitingKey,
        @Schema(description = "Events about the lead recorded here but not yet acknowledged by Kafka, oldest first")
                List<Unsent> unsent) {

    @Schema(name = "LeadLedgerMessage")
    public record Message(
            @Schema(description = "The message kind, as the ledger stores it", examples = "incentive") String kind,
            int step,
            @Schema(enumeration = {"pending", "attempting", "sent", "failed", "suppressed", "cancelled"}) String status,
            @Schema(description = "Set when a sender first claims the message; null before") String messageId,
            @Schema(description = "Delivery attempts spent so far") int attempts,
            @Schema(description = "Recorded before the lead's contact, so not sendable until it arrives")
                    boolean awaitingRecipient,
            @Schema(description = "When the message was recorded in the ledger") Instant recordedAt,
            @Schema(description = "When the SMTP server accepted it; null unless sent") Instant sentAt) {}

    @Schema(name = "LeadLedgerEventAwaitingKey")
    public record AwaitingKey(
            @Schema(examples = "dev.faro.lead.captured") String type,
            @Schema(description = "When it arrived here") Instant arrivedAt) {}

    @Schema(name = "LeadLedgerUnsentEvent")
    public record Unsent(
            @Schema(examples = "dev.faro.email.sent") String type,
            @Schema(description = "When the change that caused it recorded it in the outbox") Instant recordedAt) {}
}
