package dev.faro.lead.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.UUID;

/**
 * Tells the campaign's webhooks about a lead change. Call it in the transaction that makes the change: the
 * deliveries then exist exactly when the change was committed, and the dispatcher sends them afterwards.
 */
@ApplicationScoped
public class LeadWebhooks {

    private final DeliveryQueue queue;

    public LeadWebhooks(DeliveryQueue queue) {
        this.queue = queue;
    }

    /** A new lead was stored; returns how many deliveries were queued. */
    @Transactional(TxType.MANDATORY)
    public int leadCaptured(UUID leadId, String campaign, Instant at) {
        return queue.enqueue(WebhookEvent.LEAD_CAPTURED, leadId, campaign, at);
    }

    /** A pending lead confirmed its address (double opt-in); returns how many deliveries were queued. */
    @Transactional(TxType.MANDATORY)
    public int leadConfirmed(UUID leadId, String campaign, Instant at) {
        return queue.enqueue(WebhookEvent.LEAD_CONFIRMED, leadId, campaign, at);
    }
}
