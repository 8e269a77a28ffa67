package dev.faro.contract.events;

import java.util.UUID;

/** The person asked to be forgotten; every service purges or anonymises what it holds on that lead. */
public record LeadErased(UUID leadId, String campaign, String reason) {}
