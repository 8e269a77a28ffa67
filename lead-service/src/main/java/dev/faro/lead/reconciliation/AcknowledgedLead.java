package dev.faro.lead.reconciliation;

import java.time.Instant;
import java.util.UUID;

/** A lead lead-service stored and answered 202 for: what a reconciliation follows through the other services. */
record AcknowledgedLead(UUID id, String campaign, boolean pending, Instant capturedAt) {}
