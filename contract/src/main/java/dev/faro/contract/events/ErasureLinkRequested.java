package dev.faro.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A person asked, from their own address, to be forgotten: the lead is to be sent the link that erases it. The link
 * is a credential for that address, so it travels sealed ({@link ErasureLink}) with the lead's key; lead-service
 * publishes one per lead of the address, each within its limits.
 */
public record ErasureLinkRequested(UUID leadId, String campaign, String locale, Instant expiresAt, Sealed link) {}
