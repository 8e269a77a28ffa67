package dev.faro.email.sending;

import java.util.UUID;

/**
 * A message a lead is due to receive: at most one per (lead, kind, step). {@code params} is what the
 * kind's {@link MessageComposer} needs to write it, stored as JSON.
 */
public record SendIntent(UUID leadId, String kind, int step, String campaign, Object params) {}
