package dev.faro.contract.events;

import java.util.UUID;

/** The SMTP server accepted a message to a lead. */
public record EmailSent(UUID leadId, String campaign, String messageKind, int step, String messageId) {}
