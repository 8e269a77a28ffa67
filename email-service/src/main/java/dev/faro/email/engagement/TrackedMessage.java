package dev.faro.email.engagement;

import java.util.UUID;

/** The sent message a tracking link belongs to, as its signed token names it. */
public record TrackedMessage(UUID leadId, String campaign, String messageId) {}
