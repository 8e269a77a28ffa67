package dev.faro.lead.webhook;

import dev.faro.lead.leads.LeadView;
import java.time.Instant;
import java.util.UUID;

/** The JSON body of a delivery: the event, and the lead as it is when the attempt is made. */
record WebhookPayload(String event, UUID deliveryId, Instant occurredAt, LeadView lead) {}
