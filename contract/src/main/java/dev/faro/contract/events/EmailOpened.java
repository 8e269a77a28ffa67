package dev.faro.contract.events;

import java.util.UUID;

/** The open pixel of a message was fetched (only where the campaign enables engagement tracking). */
public record EmailOpened(UUID leadId, String campaign, String messageId) {}
