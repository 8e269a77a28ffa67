package dev.faro.lead.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as the admin API lists it; its secret is never shown again after creation. */
@Schema(name = "Webhook")
public record WebhookView(
        UUID id,
        @Schema(examples = "black-friday") String campaign,
        @Schema(examples = "https://crm.example.org/hooks/faro") String url,
        @Schema(examples = "[\"lead.captured\", \"lead.confirmed\"]") List<String> events,
        Instant createdAt) {}
