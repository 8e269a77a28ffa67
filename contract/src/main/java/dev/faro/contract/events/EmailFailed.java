package dev.faro.contract.events;

import java.util.UUID;

/** A message to a lead ended without delivery; permanent failures suppress the address. */
public record EmailFailed(
        UUID leadId, String campaign, String messageKind, int step, boolean permanent, String reason) {}
