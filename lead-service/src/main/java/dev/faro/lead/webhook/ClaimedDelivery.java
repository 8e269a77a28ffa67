package dev.faro.lead.webhook;

import java.time.Instant;
import java.util.UUID;

/** A delivery claimed for one attempt, with what it takes to make it. */
record ClaimedDelivery(
        UUID id, UUID leadId, WebhookEvent event, Instant occurredAt, int attempt, String url, String secret) {

    /** Leaves the secret out, so that logging a delivery never writes it anywhere. */
    @Override
    public String toString() {
        return "delivery " + id + " (" + event.wireName() + ", lead " + leadId + ", attempt " + attempt + ")";
    }
}
