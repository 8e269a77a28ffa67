package dev.faro.email.privacy;

import java.util.UUID;

/**
 * Fired, inside the transaction that keeps it, when a lead's data key arrives, so what was waiting for the key is
 * opened in that same transaction.
 */
public record LeadKeyKept(UUID leadId) {}
