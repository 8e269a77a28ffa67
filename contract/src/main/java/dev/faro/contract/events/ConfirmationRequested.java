package dev.faro.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A pending lead is to be sent its double opt-in link. lead-service allows at most three of these per address
 * in 24 hours; {@code attempt} counts them per lead, so email-service sends each attempt once. The link is
 * sealed ({@link ConfirmationLink}) with the lead's key.
 */
public record ConfirmationRequested(
        UUID leadId, String campaign, String locale, int attempt, Instant expiresAt, Sealed link) {}
