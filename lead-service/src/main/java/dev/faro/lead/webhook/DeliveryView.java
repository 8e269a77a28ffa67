package dev.faro.lead.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery of an event to a webhook, with every attempt made at it. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(description = "Sent as Faro-Delivery; the same on every attempt") UUID id,
        @Schema(enumeration = {"lead.captured", "lead.confirmed"}) String event,
        UUID leadId,
        @Schema(enumeration = {"pending", "delivering", "delivered", "failed", "cancelled"}) String status,
        int attempts,
        Instant occurredAt,
        @Schema(nullable = true, description = "When the next attempt is due; null once delivered, failed or cancelled")
                Instant nextAttemptAt,
        @Schema(nullable = true) Instant completedAt,
        @Schema(description = "Every attempt, first to last") List<Attempt> attemptLog) {

    @Schema(name = "WebhookAttempt")
    public record Attempt(
            int attempt,
            Instant attemptedAt,
            @Schema(nullable = true, description = "The receiver's HTTP status; null when it did not answer")
                    Integer statusCode,
            @Schema(nullable = true, description = "Why there was no answer (timeout, connection refused…)")
                    String error,
            long durationMs) {}
}
