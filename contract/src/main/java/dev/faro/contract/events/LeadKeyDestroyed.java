package dev.faro.contract.events;

import java.util.UUID;

/**
 * The lead's data key no longer exists: its sealed fields are unreadable everywhere. Compaction keeps this
 * marker, not the key, so a consumer reading the topic from the beginning learns the lead is gone.
 */
public record LeadKeyDestroyed(UUID leadId) {}
