package dev.faro.contract.events;

import java.util.UUID;

/** The lead followed its double opt-in link. */
public record LeadConfirmed(UUID leadId, String campaign) {}
