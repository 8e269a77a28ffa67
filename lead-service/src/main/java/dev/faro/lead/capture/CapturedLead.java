package dev.faro.lead.capture;

import java.util.UUID;

/** The answer to a capture: the lead's id, the same for a repeated submission. */
public record CapturedLead(UUID leadId) {}
