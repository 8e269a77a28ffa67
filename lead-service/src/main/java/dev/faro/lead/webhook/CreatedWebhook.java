package dev.faro.lead.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to creating a webhook: the only time its secret is shown. */
@Schema(name = "CreatedWebhook")
public record CreatedWebhook(
        UUID id,
        String campaign,
        String url,
        List<String> events,
        Instant createdAt,
        @Schema(
                        description = "Signs every delivery (see Faro-Signature). Shown only in this answer: store it"
                                + " now; to replace it, create a new webhook and delete this one",
                        examples = "whsec_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                String secret) {

    static CreatedWebhook of(WebhookView webhook, String secret) {
        return new CreatedWebhook(
                webhook.id(), webhook.campaign(), webhook.url(), webhook.events(), webhook.createdAt(), secret);
    }
}
