package dev.faro.email.sending;

import java.time.Instant;
import java.util.UUID;

/**
 * A message a lead is due to receive: at most one per (lead, kind, step). {@code params} is what the kind's
 * {@link MessageComposer} needs to write it, stored as JSON. {@code dueAt} (null: at once) is when it may go
 * first; {@code address} (usually null) sends it to that address rather than the lead's contact, for recipients
 * who are not leads (a marketer's digest, whose {@code leadId} then only keys the ledger).
 */
public record SendIntent(
        UUID leadId, String kind, int step, String campaign, Object params, Instant dueAt, String address) {

    public SendIntent(UUID leadId, String kind, int step, String campaign, Object params) {
        this(leadId, kind, step, campaign, params, null, null);
    }

    public SendIntent dueAt(Instant when) {
        return new SendIntent(leadId, kind, step, campaign, params, when, address);
    }

    public SendIntent to(String recipientAddress) {
        return new SendIntent(leadId, kind, step, campaign, params, dueAt, recipientAddress);
    }
}
