package dev.faro.contract.events;

import java.util.UUID;

/**
 * The data key that seals a lead's personal fields, wrapped (AES-256-GCM) with the key-wrapping key that
 * lead-service shares only with the services entitled to read personal data. Lives on the compacted
 * {@code faro.lead-keys} topic, where {@link LeadKeyDestroyed} replaces it when the lead is erased.
 */
public record LeadKeyIssued(UUID leadId, String wrappingKeyId, Sealed wrappedKey) {}
