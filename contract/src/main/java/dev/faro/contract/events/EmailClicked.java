package dev.faro.contract.events;

import java.util.UUID;

/** A tracked link in a message was followed. */
public record EmailClicked(UUID leadId, String campaign, String messageId, String url) {}
