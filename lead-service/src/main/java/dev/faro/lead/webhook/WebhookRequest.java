package dev.faro.lead.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as a marketer asks for it. Everything else (id, secret) Faro decides. */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
        @Schema(
                        examples = "https://crm.example.org/hooks/faro",
                        description = "An https URL of a public host, at most 2048 characters")
                String url,
        @Schema(
                        description = "The events to receive, at least one",
                        enumeration = {"lead.captured", "lead.confirmed"})
                List<String> events) {}
